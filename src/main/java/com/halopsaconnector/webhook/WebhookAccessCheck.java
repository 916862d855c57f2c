package com.halopsaconnector.webhook;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.halopsaconnector.domain.CallbackToken;
import com.halopsaconnector.domain.CallbackTokenOwner;
import com.halopsaconnector.domain.WebhookCredential;
import com.halopsaconnector.store.connection.CallbackTokenLookup;
import com.halopsaconnector.web.RequestLogContext;

/**
 * Decides which tenant a delivery is for: the owner of the callback token, provided the delivery
 * brings the Basic credentials that tenant configured, if any. Never logs the token itself, only
 * the first characters of its SHA-256.
 */
@ApplicationScoped
public class WebhookAccessCheck {

    private static final Logger LOG = Logger.getLogger(WebhookAccessCheck.class);
    /** Generous bounds around the 43-character tokens we issue; anything else is not worth a lookup. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{16,256}");
    private static final int LOGGED_HASH_CHARS = 8;

    @Inject
    CallbackTokenLookup tokens;

    @Inject
    VerifiedCredentials verified;

    /**
     * @throws UnknownCallbackTokenException when no tenant owns the token
     * @throws WebhookUnauthenticatedException when the owner's Basic credentials were not given
     */
    public CallbackTokenOwner ownerOf(String callbackToken, String authorizationHeader) {
        if (callbackToken == null || !TOKEN_SHAPE.matcher(callbackToken).matches()) {
            LOG.info("Webhook delivery refused: malformed callback token");
            throw new UnknownCallbackTokenException();
        }
        String hash = CallbackToken.sha256Hex(callbackToken);
        String hashPrefix = hash.substring(0, LOGGED_HASH_CHARS);
        CallbackTokenOwner owner = tokens.find(hash).orElseThrow(() -> {
            LOG.infof("Webhook delivery refused: unknown callback token (sha256 %s...)", hashPrefix);
            return new UnknownCallbackTokenException();
        });
        MDC.put(RequestLogContext.TENANT, owner.tenant());
        if (owner.webhookCredential() != null && !credentialsMatch(owner, authorizationHeader)) {
            LOG.infof("Webhook delivery refused: missing or wrong Basic credentials (sha256 %s...)", hashPrefix);
            throw new WebhookUnauthenticatedException();
        }
        return owner;
    }

    private boolean credentialsMatch(CallbackTokenOwner owner, String authorizationHeader) {
        if (authorizationHeader == null) {
            return false;
        }
        WebhookCredential expected = owner.webhookCredential();
        if (verified.contains(expected, authorizationHeader)) {
            return true;
        }
        Optional<BasicCredentials> given = BasicCredentials.fromHeader(authorizationHeader);
        boolean matches = given.isPresent() && expected.matches(given.get().username(), given.get().password());
        if (matches) {
            verified.remember(expected, authorizationHeader);
        }
        return matches;
    }
}
