package com.halopsaconnector.webhook;

import jakarta.ws.rs.NotFoundException;

/**
 * The callback token is unknown, rotated away, or its tenant disconnected. Deliberately a plain
 * 404, answered exactly like a path that does not exist, so a caller cannot tell these cases apart.
 */
class UnknownCallbackTokenException extends NotFoundException {
}
