package com.halopsaconnector.testsupport;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Finds unpaired UTF-16 surrogates, which DynamoDB strings (UTF-8) cannot hold. */
public final class LoneSurrogates {

    private LoneSurrogates() {
    }

    /** Whether a field name or string anywhere in the tree has an unpaired surrogate. */
    public static boolean in(JsonNode node) {
        if (node.isTextual()) {
            return in(node.textValue());
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (in(field.getKey()) || in(field.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (in(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean in(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
