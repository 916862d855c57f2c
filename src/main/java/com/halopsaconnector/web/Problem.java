package com.halopsaconnector.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.halopsaconnector.domain.FieldError;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An RFC 9457 problem document. Details are written for the user and never carry a secret. */
@RegisterForReflection(targets = {Problem.class, FieldError.class})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://halopsa-connector.dev/problems/";

    public static Problem of(ProblemType type, String detail) {
        return of(type, detail, null);
    }

    public static Problem of(ProblemType type, String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + type.slug(), type.title(), type.status(), detail, errors);
    }

    public static Problem invalid(List<FieldError> errors) {
        ProblemType type = ProblemType.INVALID_INPUT;
        return new Problem(TYPE_BASE + type.slug(), type.title(), type.status(),
                "Some fields are missing or invalid; see errors.", errors);
    }
}
