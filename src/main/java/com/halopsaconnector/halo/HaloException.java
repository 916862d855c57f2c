package com.halopsaconnector.halo;

/** Why a call to Halo failed, in words safe to show the user: never a secret or a token. */
public abstract sealed class HaloException extends RuntimeException
        permits HaloCredentialsRejectedException, HaloPermissionDeniedException, HaloUnreachableException,
        HaloRateLimitedException, HaloAnswerTooLargeException {

    protected HaloException(String message) {
        super(message);
    }

    protected HaloException(String message, Throwable cause) {
        super(message, cause);
    }
}
