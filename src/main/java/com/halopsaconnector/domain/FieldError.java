package com.halopsaconnector.domain;

/** One invalid input field, named as the client sent it, and why. */
public record FieldError(String field, String message) {
}
