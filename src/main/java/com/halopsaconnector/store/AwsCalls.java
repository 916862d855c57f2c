package com.halopsaconnector.store;

import java.util.function.Supplier;

import software.amazon.awssdk.core.exception.SdkException;

/** Turns any AWS SDK failure into {@link StoreUnavailableException}, naming the service. */
public final class AwsCalls {

    private AwsCalls() {
    }

    public static <T> T guarded(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new StoreUnavailableException(service, e);
        }
    }
}
