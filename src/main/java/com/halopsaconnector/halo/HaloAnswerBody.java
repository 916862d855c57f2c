package com.halopsaconnector.halo;

import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the body of a Halo answer as a stream, never more than its kind allows ({@link HaloAnswer}),
 * and within the caller's time: the REST client returns the body as it arrives, and the request's
 * timer (see {@link HaloApiClients}) cuts a body that is still coming when the caller's time is up.
 */
final class HaloAnswerBody {

    private HaloAnswerBody() {
    }

    /** A JSON parser over the capped body; the caller closes it. */
    static JsonParser parser(ObjectMapper json, Response response, String target, HaloAnswer answer) {
        try {
            return json.createParser(new CappedInputStream(response.readEntity(InputStream.class), target, answer));
        } catch (IOException e) {
            throw brokeOff(target, e);
        }
    }

    /** The whole (capped) body as a JSON tree; null when it is empty. */
    static JsonNode tree(ObjectMapper json, Response response, String target, HaloAnswer answer) {
        try (JsonParser parser = parser(json, response, target, answer)) {
            return parser.nextToken() == null ? null : parser.readValueAsTree();
        } catch (JsonProcessingException notJson) {
            throw notJson(target);
        } catch (IOException e) {
            throw brokeOff(target, e);
        }
    }

    static HaloUnreachableException notJson(String target) {
        return new HaloUnreachableException("Halo answered " + target + " with something that is not JSON");
    }

    /** The body stopped before its end: the connection broke, or the caller's time ran out while it came. */
    static HaloUnreachableException brokeOff(String target, IOException cause) {
        return new HaloUnreachableException("Halo's answer at " + target
                + " did not arrive whole in the time there was; check that Halo is online", cause);
    }
}
