package com.halopsaconnector.integration;

import static com.halopsaconnector.store.sealing.SecretPurpose.CALLBACK_TOKEN;
import static com.halopsaconnector.store.sealing.SecretPurpose.CLIENT_SECRET;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.halopsaconnector.domain.CallbackToken;
import com.halopsaconnector.domain.Connection;
import com.halopsaconnector.domain.Deadline;
import com.halopsaconnector.domain.DeadlinePassedException;
import com.halopsaconnector.domain.HaloCredentials;
import com.halopsaconnector.domain.HaloSettings;
import com.halopsaconnector.domain.InvalidInputException;
import com.halopsaconnector.domain.SealedSecret;
import com.halopsaconnector.domain.SecretHint;
import com.halopsaconnector.domain.SyncState;
import com.halopsaconnector.domain.UrlOrigin;
import com.halopsaconnector.domain.WebhookAccess;
import com.halopsaconnector.domain.WebhookActivity;
import com.halopsaconnector.domain.WebhookCredential;
import com.halopsaconnector.halo.HaloAccessToken;
import com.halopsaconnector.halo.HaloConnectionCheck;
import com.halopsaconnector.halo.HaloUnreachableException;
import com.halopsaconnector.halo.HaloUrlGuard;
import com.halopsaconnector.store.connection.ConcurrentUpdateException;
import com.halopsaconnector.store.connection.ConnectionStore;
import com.halopsaconnector.store.sealing.SecretSealer;
import com.halopsaconnector.sync.HaloTokens;
import com.halopsaconnector.web.NotFoundProblem;

/**
 * Save, test, show, rotate and remove a tenant's Halo connection. Halo is asked before anything is
 * written, so a failed check leaves the stored connection exactly as it was.
 */
@ApplicationScoped
public class HaloConnectionService {

    private static final Logger LOG = Logger.getLogger(HaloConnectionService.class);
    static final String NO_CONNECTION = "No Halo connection is saved for this tenant.";
    private static final int DELETE_ATTEMPTS = 5;

    @Inject
    ConnectionStore store;

    @Inject
    SecretSealer sealer;

    @Inject
    HaloUrlGuard urlGuard;

    @Inject
    HaloConnectionCheck haloCheck;

    @Inject
    HaloTokens haloTokens;

    @Inject
    Clock clock;

    /**
     * Stores checked credentials. The first save, and a save that points the connection at other
     * Halo data, starts a new first sync in a new epoch, and gets a new callback token: the other
     * Halo's webhook, still posting to the old URL, is answered 404 instead of mixing its tickets in.
     * Any other save keeps the sync and the callback URL. The token the check got from Halo is kept
     * for the sync, so it need not ask for another.
     */
    public ConnectionWithToken save(String tenant, SaveCommand command, Deadline deadline) {
        Optional<Connection> existing = store.find(tenant);
        HaloAccessToken checked = checkedCredentials(tenant, command, existing, deadline);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        boolean startsNewSync = existing.map(current -> !command.settings().sameHaloDataAs(current.halo())).orElse(true);
        CallbackToken token = existing.filter(current -> !startsNewSync)
                .map(c -> CallbackToken.of(sealer.unseal(tenant, CALLBACK_TOKEN, c.webhook().sealedCallbackToken())))
                .orElseGet(CallbackToken::generate);
        Connection saved = existing
                .map(current -> updated(current, command, checked, token, now, startsNewSync))
                .orElseGet(() -> created(tenant, command, checked, token, now));
        if (deadline.hasPassed()) {
            LOG.warn("Halo connection not saved: the request ran out of time before the write");
            throw new DeadlinePassedException();
        }
        store.save(saved, existing.map(Connection::version).orElse(0L),
                existing.map(c -> c.webhook().callbackTokenHash()).orElse(null), startsNewSync);
        LOG.infof("Halo connection saved (version %d%s)", saved.version(),
                startsNewSync ? ", first sync starts in epoch " + saved.sync().epoch() : "");
        return new ConnectionWithToken(saved, token);
    }

    private Connection created(String tenant, SaveCommand command, HaloAccessToken checked, CallbackToken token, Instant now) {
        return new Connection(tenant, command.settings(), newSecret(tenant, command.clientSecret()),
                webhookAccess(tenant, token, webhookCredential(command.webhookAuth(), null)),
                Connection.STATUS_CONNECTED, now, now, WebhookActivity.NONE, SyncState.notStarted(newEpoch(0, now), now),
                haloTokens.seal(tenant, checked), 1);
    }

    /** Keeps the counters and, when no new one was sent, the sealed secret; and when the Halo data is the same, the sync and the callback token. */
    private Connection updated(Connection current, SaveCommand command, HaloAccessToken checked, CallbackToken token,
                               Instant now, boolean startsNewSync) {
        String tenant = current.tenant();
        WebhookCredential credential = webhookCredential(command.webhookAuth(), current.webhook().credential());
        WebhookAccess webhook = startsNewSync ? webhookAccess(tenant, token, credential) : current.webhook().withCredential(credential);
        SyncState sync = startsNewSync ? SyncState.notStarted(newEpoch(current.sync().epoch(), now), now) : current.sync();
        return new Connection(tenant, command.settings(),
                command.clientSecret() != null ? newSecret(tenant, command.clientSecret()) : current.clientSecret(),
                webhook, Connection.STATUS_CONNECTED, current.connectedAt(), now, current.activity(), sync,
                haloTokens.seal(tenant, checked), current.version() + 1);
    }

    /**
     * Epochs are the time they began, in epoch milliseconds, and always above the one before: so no
     * epoch repeats, even after a Disconnect removed the record of the last one (a save after it
     * comes later), and a run of an older epoch is always the smaller number.
     */
    private static long newEpoch(long previous, Instant now) {
        return Math.max(now.toEpochMilli(), previous + 1);
    }

    private WebhookAccess webhookAccess(String tenant, CallbackToken token, WebhookCredential credential) {
        return new WebhookAccess(token.sha256Hex(), sealer.seal(tenant, CALLBACK_TOKEN, token.value()), credential);
    }

    private SealedSecret newSecret(String tenant, String secret) {
        return new SealedSecret(sealer.seal(tenant, CLIENT_SECRET, secret), SecretHint.of(secret));
    }

    public void test(String tenant, SaveCommand command, Deadline deadline) {
        checkedCredentials(tenant, command, command.clientSecret() == null ? store.find(tenant) : Optional.empty(), deadline);
        LOG.info("Halo connection test passed");
    }

    public ConnectionWithToken find(String tenant) {
        Connection connection = store.find(tenant).orElseThrow(() -> new NotFoundProblem(NO_CONNECTION));
        return new ConnectionWithToken(connection,
                CallbackToken.of(sealer.unseal(tenant, CALLBACK_TOKEN, connection.webhook().sealedCallbackToken())));
    }

    public ConnectionWithToken rotateCallbackToken(String tenant) {
        Connection current = store.find(tenant).orElseThrow(() -> new NotFoundProblem(NO_CONNECTION));
        CallbackToken token = CallbackToken.generate();
        WebhookAccess webhook = webhookAccess(tenant, token, current.webhook().credential());
        Connection rotated = current.withWebhook(webhook, Instant.now(clock));
        store.save(rotated, current.version(), current.webhook().callbackTokenHash(), false);
        LOG.infof("Webhook callback token rotated (version %d)", rotated.version());
        return new ConnectionWithToken(rotated, token);
    }

    /** Idempotent; a rotate or save that changed the connection meanwhile is read again and deleted too. */
    public void delete(String tenant) {
        for (int attempt = 1; ; attempt++) {
            Optional<Connection> current = store.find(tenant);
            if (current.isEmpty()) {
                return;
            }
            try {
                store.delete(current.get());
                LOG.info("Halo connection deleted");
                return;
            } catch (ConcurrentUpdateException changedMeanwhile) {
                if (attempt == DELETE_ATTEMPTS) {
                    throw changedMeanwhile;
                }
                LOG.info("Halo connection changed while being deleted; reading it again");
            }
        }
    }

    /** @return the token Halo issued for the checked credentials */
    private HaloAccessToken checkedCredentials(String tenant, SaveCommand command, Optional<Connection> existing,
                                               Deadline deadline) {
        if (command.clientSecret() == null && existing.isEmpty()) {
            throw new InvalidInputException("clientSecret", "is required when no connection is saved yet");
        }
        if (command.clientSecret() == null && !sameOrigins(command.settings(), existing.get().halo())) {
            throw new InvalidInputException("clientSecret",
                    "send the client secret again when you change the Auth URL or Resource URL");
        }
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("authUrl", command.authUrl());
        urls.put("resourceUrl", command.resourceUrl());
        urlGuard.check(urls);
        String secret = command.clientSecret() != null
                ? command.clientSecret() : sealer.unseal(tenant, CLIENT_SECRET, existing.get().clientSecret().sealed());
        HaloCredentials credentials = command.settings().withSecret(secret);
        try {
            return haloCheck.verify(credentials, deadline);
        } catch (HaloUnreachableException e) {
            if (deadline.hasPassed()) {
                throw new DeadlinePassedException(e);
            }
            throw e;
        }
    }

    /**
     * A stored secret only ever goes to the scheme, host and port it was saved with. URLs that cannot
     * be read count as the same here, so that the URL guard names them as the fields at fault.
     */
    private static boolean sameOrigins(HaloSettings typed, HaloSettings stored) {
        return sameOrigin(typed.authUrl(), stored.authUrl()) && sameOrigin(typed.resourceUrl(), stored.resourceUrl());
    }

    private static boolean sameOrigin(String typed, String stored) {
        return UrlOrigin.of(typed).isEmpty() || UrlOrigin.same(typed, stored);
    }

    private static WebhookCredential webhookCredential(WebhookAuthChange change, WebhookCredential current) {
        return switch (change.kind()) {
            case KEEP -> current;
            case REMOVE -> null;
            case SET -> WebhookCredential.create(change.username(), change.password());
        };
    }
}
