package com.halopsaconnector.sync;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.halopsaconnector.domain.Connection;
import com.halopsaconnector.domain.Deadline;
import com.halopsaconnector.domain.HaloCredentials;
import com.halopsaconnector.halo.HaloAccessToken;
import com.halopsaconnector.halo.HaloCredentialsRejectedException;
import com.halopsaconnector.halo.HaloTicket;
import com.halopsaconnector.halo.HaloTicketPage;
import com.halopsaconnector.halo.HaloTicketReader;
import com.halopsaconnector.halo.HaloTokenRefusedException;
import com.halopsaconnector.halo.TicketIdListing;
import com.halopsaconnector.halo.TicketQuery;

/**
 * One sync run's conversation with Halo, all within the run's deadline: the connection's shared
 * token, and when Halo refuses it, exactly one fresh token and one retry per run.
 */
final class HaloSession {

    private final Connection connection;
    private final HaloCredentials credentials;
    private final HaloTokens tokens;
    private final HaloTicketReader reader;
    private final Deadline deadline;
    private HaloAccessToken token;
    private boolean refreshed;

    HaloSession(Connection connection, HaloCredentials credentials, HaloTokens tokens, HaloTicketReader reader,
                Deadline deadline) {
        this.connection = connection;
        this.credentials = credentials;
        this.tokens = tokens;
        this.reader = reader;
        this.deadline = deadline;
    }

    HaloTicketPage page(TicketQuery query, int pageNo, int pageSize) {
        return withToken(() -> reader.page(credentials, token, query, pageNo, pageSize, deadline));
    }

    TicketIdListing ids(TicketQuery query) {
        return withToken(() -> reader.ids(credentials, token, query, deadline));
    }

    List<HaloTicket> byIds(Collection<String> ids) {
        return withToken(() -> reader.byIds(credentials, token, ids, deadline));
    }

    Optional<HaloTicket> ticket(String ticketId) {
        return withToken(() -> reader.one(credentials, token, ticketId, deadline));
    }

    private <T> T withToken(Supplier<T> call) {
        if (token == null) {
            token = tokens.usable(connection, credentials, deadline);
        }
        try {
            return call.get();
        } catch (HaloTokenRefusedException refused) {
            if (refreshed) {
                throw rejected();
            }
            refreshed = true;
            token = tokens.fresh(connection, credentials, deadline);
            try {
                return call.get();
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
