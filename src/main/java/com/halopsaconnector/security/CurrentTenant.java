package com.halopsaconnector.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

import com.halopsaconnector.web.RequestLogContext;

import io.quarkus.security.AuthenticationFailedException;

/** The platform tenant of this request: the JWT's {@code tenant_id} claim and nothing else. */
@RequestScoped
public class CurrentTenant {

    public static final String CLAIM = "tenant_id";
    public static final String ADMIN_ROLE = "integrations-admin";
    private static final int MAX_LENGTH = 256;

    @Inject
    JsonWebToken jwt;

    public String id() {
        Object claim = jwt.getClaim(CLAIM);
        String tenant = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
        if (tenant == null || tenant.isBlank() || tenant.length() > MAX_LENGTH) {
            throw new AuthenticationFailedException("token has no usable tenant_id claim");
        }
        MDC.put(RequestLogContext.TENANT, tenant);
        return tenant;
    }
}
