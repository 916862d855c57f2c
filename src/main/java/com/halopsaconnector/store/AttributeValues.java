package com.halopsaconnector.store;

import java.time.Instant;
import java.util.Map;

import com.halopsaconnector.domain.HaloTime;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Short constructors and readers for DynamoDB attribute values. */
public final class AttributeValues {

    private AttributeValues() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue b(byte[] value) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(value));
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    /** Fixed-width UTC ({@link HaloTime#sortable}), so that stored instants compare as strings. */
    public static AttributeValue instant(Instant value) {
        return AttributeValue.fromS(HaloTime.sortable(value));
    }

    public static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    public static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0L : Long.parseLong(value.n());
    }

    public static byte[] bytes(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.b() == null ? null : value.b().asByteArray();
    }

    /** Reads the fixed-width form and the variable-width ISO-8601 form written before it alike. */
    public static Instant instant(Map<String, AttributeValue> item, String name) {
        String text = string(item, name);
        return text == null ? null : Instant.parse(text);
    }
}
