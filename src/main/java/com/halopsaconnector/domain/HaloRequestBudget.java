package com.halopsaconnector.domain;

import java.time.Instant;

/**
 * The requests we may still send to a Halo instance, shared by every function instance, so that
 * together they stay under Halo's rate limit. {@code instance} is {@link HaloCredentials#instance()}.
 */
public interface HaloRequestBudget {

    /**
     * Takes one request from the instance's budget; call it before every request to Halo.
     *
     * @throws HaloRequestsPausedException when the budget is used up or Halo asked us to wait
     */
    void take(String instance);

    /** After a 429: nobody calls the instance before {@code until}. A later pause already in force stays. */
    void pauseUntil(String instance, Instant until);
}
