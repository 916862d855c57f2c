package com.halopsaconnector.sync;

import static com.halopsaconnector.store.sealing.SecretPurpose.HALO_TOKEN;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.halopsaconnector.domain.Connection;
import com.halopsaconnector.domain.Deadline;
import com.halopsaconnector.domain.HaloCredentials;
import com.halopsaconnector.domain.SealedHaloToken;
import com.halopsaconnector.halo.HaloAccessToken;
import com.halopsaconnector.halo.HaloTokenIssuer;
import com.halopsaconnector.store.connection.ConnectionStore;
import com.halopsaconnector.store.sealing.SecretSealer;

/**
 * One Halo access token per connection, shared by every invocation and instance: kept KMS-sealed on
 * the connection item with its expiry and reused until a minute before it, then replaced.
 */
@ApplicationScoped
public class HaloTokens {

    static final Duration REUSE_MARGIN = Duration.ofMinutes(1);

    @Inject
    HaloTokenIssuer issuer;

    @Inject
    SecretSealer sealer;

    @Inject
    ConnectionStore store;

    @Inject
    Clock clock;

    /** The stored token while it has more than a minute left, else a fresh one, asked for within {@code deadline}. */
    public HaloAccessToken usable(Connection connection, HaloCredentials credentials, Deadline deadline) {
        SealedHaloToken stored = connection.haloToken();
        if (stored != null && stored.expiresAt().minus(REUSE_MARGIN).isAfter(clock.instant())) {
            String value = sealer.unseal(connection.tenant(), HALO_TOKEN, stored.sealed());
            return new HaloAccessToken(value, stored.expiresAt());
        }
        return fresh(connection, credentials, deadline);
    }

    /** A new token from Halo, asked for within {@code deadline}, stored for the other invocations. */
    public HaloAccessToken fresh(Connection connection, HaloCredentials credentials, Deadline deadline) {
        HaloAccessToken token = issuer.issue(credentials, deadline.remaining());
        store.cacheHaloToken(connection.tenant(), seal(connection.tenant(), token), connection.clientSecret().sealed());
        return token;
    }

    public SealedHaloToken seal(String tenant, HaloAccessToken token) {
        return new SealedHaloToken(sealer.seal(tenant, HALO_TOKEN, token.value()), token.expiresAt());
    }
}
