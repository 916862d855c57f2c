package com.halopsaconnector.integration;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.halopsaconnector.domain.CallbackToken;
import com.halopsaconnector.domain.Connection;
import com.halopsaconnector.domain.HaloCredentials;
import com.halopsaconnector.domain.InvalidInputException;
import com.halopsaconnector.domain.SecretHint;
import com.halopsaconnector.domain.WebhookCredential;
import com.halopsaconnector.halo.HaloConnectionCheck;
import com.halopsaconnector.halo.HaloUrlGuard;
import com.halopsaconnector.store.ConnectionStore;
import com.halopsaconnector.store.SecretSealer;
import com.halopsaconnector.web.NotFoundProblem;

/**
 * Save, test, show, rotate and remove a tenant's Halo connection. Halo is asked before anything is
 * written, so a failed check leaves the stored connection exactly as it was.
 */
@ApplicationScoped
public class HaloConnectionService {

    private static final Logger LOG = Logger.getLogger(HaloConnectionService.class);
    static final String NO_CONNECTION = "No Halo connection is saved for this tenant.";

    @Inject
    ConnectionStore store;

    @Inject
    SecretSealer sealer;

    @Inject
    HaloUrlGuard urlGuard;

    @Inject
    HaloConnectionCheck haloCheck;

    Clock clock = Clock.systemUTC();

    public ConnectionWithToken save(String tenant, SaveCommand command) {
        Optional<Connection> existing = store.find(tenant);
        HaloCredentials credentials = checkedCredentials(tenant, command, existing);
        CallbackToken token = existing
                .map(c -> CallbackToken.of(sealer.unseal(tenant, c.sealedCallbackToken())))
                .orElseGet(CallbackToken::generate);
        Connection saved = existing
                .map(current -> updated(current, credentials, command))
                .orElseGet(() -> created(tenant, credentials, command, token));
        store.save(saved, existing.map(Connection::version).orElse(0L), existing.map(Connection::callbackTokenHash).orElse(null));
        LOG.infof("Halo connection saved (version %d)", saved.version());
        return new ConnectionWithToken(saved, token);
    }

    private Connection created(String tenant, HaloCredentials credentials, SaveCommand command, CallbackToken token) {
        Instant now = Instant.now(clock);
        return new Connection(tenant, credentials.authUrl(), credentials.resourceUrl(), credentials.haloTenant(),
                credentials.clientId(), sealer.seal(tenant, command.clientSecret()), SecretHint.of(command.clientSecret()),
                credentials.scope(), token.sha256Hex(), sealer.seal(tenant, token.value()),
                webhookCredential(command.webhookAuth(), null), Connection.STATUS_CONNECTED, now, now, null, 0, null, 1);
    }

    /** Keeps the callback token, the counters and, when no new one was sent, the sealed secret. */
    private Connection updated(Connection current, HaloCredentials credentials, SaveCommand command) {
        boolean newSecret = command.clientSecret() != null;
        return new Connection(current.tenant(), credentials.authUrl(), credentials.resourceUrl(), credentials.haloTenant(),
                credentials.clientId(),
                newSecret ? sealer.seal(current.tenant(), command.clientSecret()) : current.sealedClientSecret(),
                newSecret ? SecretHint.of(command.clientSecret()) : current.clientSecretHint(),
                credentials.scope(), current.callbackTokenHash(), current.sealedCallbackToken(),
                webhookCredential(command.webhookAuth(), current.webhookCredential()), Connection.STATUS_CONNECTED,
                current.connectedAt(), Instant.now(clock), current.lastWebhookAt(), current.webhooksReceived(),
                current.lastSyncAt(), current.version() + 1);
    }

    public void test(String tenant, SaveCommand command) {
        checkedCredentials(tenant, command, command.clientSecret() == null ? store.find(tenant) : Optional.empty());
        LOG.info("Halo connection test passed");
    }

    public ConnectionWithToken find(String tenant) {
        Connection connection = store.find(tenant).orElseThrow(() -> new NotFoundProblem(NO_CONNECTION));
        return new ConnectionWithToken(connection, CallbackToken.of(sealer.unseal(tenant, connection.sealedCallbackToken())));
    }

    public ConnectionWithToken rotateCallbackToken(String tenant) {
        Connection current = store.find(tenant).orElseThrow(() -> new NotFoundProblem(NO_CONNECTION));
        CallbackToken token = CallbackToken.generate();
        Connection rotated = current.withCallbackToken(token.sha256Hex(), sealer.seal(tenant, token.value()), Instant.now(clock));
        store.save(rotated, current.version(), current.callbackTokenHash());
        LOG.infof("Webhook callback token rotated (version %d)", rotated.version());
        return new ConnectionWithToken(rotated, token);
    }

    public void delete(String tenant) {
        Optional<Connection> current = store.find(tenant);
        if (current.isPresent()) {
            store.delete(current.get());
            LOG.info("Halo connection deleted");
        }
    }

    private HaloCredentials checkedCredentials(String tenant, SaveCommand command, Optional<Connection> existing) {
        if (command.clientSecret() == null && existing.isEmpty()) {
            throw new InvalidInputException("clientSecret", "is required when no connection is saved yet");
        }
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("authUrl", command.authUrl());
        urls.put("resourceUrl", command.resourceUrl());
        urlGuard.check(urls);
        String secret = command.clientSecret() != null
                ? command.clientSecret() : sealer.unseal(tenant, existing.get().sealedClientSecret());
        HaloCredentials credentials = new HaloCredentials(command.authUrl(), command.resourceUrl(), command.haloTenant(),
                command.clientId(), secret, command.scope());
        haloCheck.verify(credentials);
        return credentials;
    }

    private static WebhookCredential webhookCredential(WebhookAuthChange change, WebhookCredential current) {
        return switch (change.kind()) {
            case KEEP -> current;
            case REMOVE -> null;
            case SET -> WebhookCredential.create(change.username(), change.password());
        };
    }
}
