package com.halopsaconnector.domain;

/**
 * Whether a Java string is well-formed Unicode. JSON may carry an unpaired UTF-16 surrogate as a
 * {@code \ud800} escape; DynamoDB stores UTF-8 and refuses such text, so it is refused at the door.
 */
public final class UnicodeText {

    private UnicodeText() {
    }

    public static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
