package com.halopsaconnector.halo;

import java.util.Map;
import java.util.TreeMap;

/** Halo's answer, read whole: status, headers (names in any case) and the body as text. */
record HaloReply(int status, Map<String, String> headers, String body) {

    HaloReply {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        headers = byName;
    }

    String header(String name) {
        return headers.get(name);
    }
}
