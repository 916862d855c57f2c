package com.halopsaconnector.sync;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import com.halopsaconnector.domain.Connection;
import com.halopsaconnector.domain.HaloCredentials;
import com.halopsaconnector.halo.HaloAccessToken;
import com.halopsaconnector.halo.HaloCredentialsRejectedException;
import com.halopsaconnector.halo.HaloTicket;
import com.halopsaconnector.halo.HaloTicketPage;
import com.halopsaconnector.halo.HaloTicketReader;
import com.halopsaconnector.halo.HaloTokenRefusedException;
import com.halopsaconnector.halo.TicketQuery;

/**
 * One sync run's conversation with Halo: the connection's shared token, and when Halo refuses it,
 * exactly one fresh token and one retry per run.
 */
final class HaloSession {

    private final Connection connection;
    private final HaloCredentials credentials;
    private final HaloTokens tokens;
    private final HaloTicketReader reader;
    private HaloAccessToken token;
    private boolean refreshed;

    HaloSession(Connection connection, HaloCredentials credentials, HaloTokens tokens, HaloTicketReader reader) {
        this.connection = connection;
        this.credentials = credentials;
        this.tokens = tokens;
        this.reader = reader;
    }

    HaloTicketPage page(TicketQuery query, int pageNo, int pageSize, Duration maxWait) {
        return withToken(current -> reader.page(credentials, current, query, pageNo, pageSize, maxWait));
    }

    Optional<HaloTicket> ticket(String ticketId, Duration maxWait) {
        return withToken(current -> reader.one(credentials, current, ticketId, maxWait));
    }

    private <T> T withToken(Function<HaloAccessToken, T> call) {
        if (token == null) {
            token = tokens.usable(connection, credentials);
        }
        try {
            return call.apply(token);
        } catch (HaloTokenRefusedException refused) {
            if (refreshed) {
                throw rejected();
            }
            refreshed = true;
            token = tokens.fresh(connection, credentials);
            try {
                return call.apply(token);
            } catch (HaloTokenRefusedException again) {
                throw rejected();
            }
        }
    }

    private static HaloCredentialsRejectedException rejected() {
        return new HaloCredentialsRejectedException(
                "Halo refused a freshly issued access token; check the API application in Halo and save again");
    }
}
