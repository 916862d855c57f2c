package com.halopsaconnector.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

/** The answer to a stored delivery: how many events it held, and how many of them we already had. */
public record DeliveryReceipt(int received, int duplicates) {

    /** As a map, so the JSON needs no reflection in the native image. */
    public Map<String, Integer> asJson() {
        Map<String, Integer> json = new LinkedHashMap<>();
        json.put("received", received);
        json.put("duplicates", duplicates);
        return json;
    }
}
