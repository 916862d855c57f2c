package com.halopsaconnector.lambdaruntime;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An API Gateway HTTP API request as a Lambda event (payload format 2.0), as the template's routes
 * deliver it: {@code routeKey} is the route's method and path template, {@code requestContext.domainName}
 * the API's own domain.
 */
public final class HttpApiEvent {

    public static final String DOMAIN = "loopback.execute-api.us-east-1.amazonaws.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String method;
    private final String path;
    private final String routeKey;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;

    private HttpApiEvent(String method, String path, String routeTemplate) {
        this.method = method;
        this.path = path;
        this.routeKey = method + " " + routeTemplate;
        headers.put("user-agent", "lambda-runtime-harness");
    }

    /** A request to a route without path parameters. */
    public static HttpApiEvent of(String method, String path) {
        return new HttpApiEvent(method, path, path);
    }

    /** A request to a route with path parameters, e.g. {@code /v1/webhooks/halo/{callbackToken}}. */
    public static HttpApiEvent of(String method, String path, String routeTemplate) {
        return new HttpApiEvent(method, path, routeTemplate);
    }

    public HttpApiEvent header(String name, String value) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return this;
    }

    public HttpApiEvent bearer(String jwt) {
        return header("authorization", "Bearer " + jwt);
    }

    public HttpApiEvent json(String json) {
        header("content-type", "application/json");
        this.body = json;
        return this;
    }

    public String toJson() {
        Instant now = Instant.now();
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach(headerNode::put);
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "loopback");
        context.put("domainName", DOMAIN);
        context.put("domainPrefix", "loopback");
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", headers.get("user-agent"));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("time", now.toString());
        context.put("timeEpoch", now.toEpochMilli());
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return event.toString();
    }

    /** The function's answer to such an event: {@code statusCode}, {@code headers}, {@code body}. */
    public record Response(int statusCode, Map<String, String> headers, String body) {

        @SuppressWarnings("unchecked")
        public static Response parse(String json) {
            try {
                Map<String, Object> answer = JSON.readValue(json, Map.class);
                Map<String, String> headers = new LinkedHashMap<>();
                Object given = answer.get("headers");
                if (given instanceof Map<?, ?> map) {
                    map.forEach((name, value) -> headers.put(String.valueOf(name).toLowerCase(java.util.Locale.ROOT), String.valueOf(value)));
                }
                Object body = answer.get("body");
                return new Response(((Number) answer.get("statusCode")).intValue(), headers, body == null ? "" : body.toString());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Not an API Gateway answer: " + json, e);
            }
        }

        public com.fasterxml.jackson.databind.JsonNode bodyJson() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Body is not JSON: " + body, e);
            }
        }
    }
}
