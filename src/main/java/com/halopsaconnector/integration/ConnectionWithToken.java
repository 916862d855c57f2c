package com.halopsaconnector.integration;

import com.halopsaconnector.domain.CallbackToken;
import com.halopsaconnector.domain.Connection;

/** A connection and its callback token in the clear, to build the view's webhook URL from. */
public record ConnectionWithToken(Connection connection, CallbackToken token) {
}
