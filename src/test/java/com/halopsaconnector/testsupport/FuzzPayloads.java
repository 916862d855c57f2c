package com.halopsaconnector.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Generated and mutated request bodies for the fuzz runs (docs/reliability.md): Halo webhook
 * deliveries and Save And Sync bodies, each with the name of the generator family that made it.
 *
 * <p>Bodies are built as JSON <em>text</em>, not through a JSON library, so that they can hold what a
 * library would never write: duplicate keys, numbers like {@code 1e400} or with 400 digits, raw control
 * characters, lone surrogates, invalid UTF-8 bytes, nesting thousands deep, and truncated documents.
 *
 * <p>Save bodies never carry an {@code http(s)} URL other than the two given ones (WireMock playing
 * Halo): a mutated host name would send the application to DNS or to a closed port, and a 502 for an
 * unreachable Halo is a right answer, not a finding. Bytes are mutated only in bodies whose URLs are
 * not http(s) at all.
 *
 * <p>Through the Lambda mock event server, invalid UTF-8 in a JSON body reaches the application as
 * U+FFFD (the event carries the body as text); the jqwik properties of the parsers feed the raw bytes.
 */
public final class FuzzPayloads {

    /** One generated request: its content type, its body and the generator family that made it. */
    public record FuzzCase(String family, String contentType, byte[] body) {
        @Override
        public String toString() {
            return family + " (" + contentType + "): " + preview();
        }

        public String preview() {
            String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return text.replaceAll("[\\p{Cntrl}]", "?") + (body.length > 300 ? "... (" + body.length + " bytes)" : "");
        }
    }

    public static final String JSON = "application/json";
    static final List<String> SAMPLES = List.of("webhook-full-object.json", "webhook-event-only.json", "webhook-batch.json");
    static final List<String> HALO_EVENT_KEYS = List.of("id", "webhook_id", "event", "object_id", "timestamp",
            "notification_id", "message", "ticket");
    static final List<String> TICKET_KEYS = List.of("id", "summary", "status_id", "agent_id", "client_id", "client_name",
            "team", "priority_id", "tickettype_id", "dateoccurred", "lastactiondate", "last_update", "customfields", "details");
    static final List<String> TIMES = List.of("2026-11-28T05:00:00Z", "2026-11-28T05:00:00.123", "2026-11-28T05:00:00+14:00",
            "2026-11-28T05:00:00-12:00", "1979-12-31T23:59:59Z", "1900-01-01T00:00:00", "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "2026-02-30T00:00:00Z",
            "2026-11-28T25:00:00Z", "2026-11-28", "05:00:00", "2126-01-01T00:00:00Z", "2026-11-28T05:00:00.123456789Z",
            "2026-11-28T05:00:00Z[Europe/London]", "", " ", "now", "0");
    static final List<String> TRICKY_TEXT = List.of("", " ", "\u0000", "\u001f", "\u007f", "\u2028", "\ud800", "\udfff",
            "\ud83d\ude00", "\ufeff", "\u202e", "0005002", " 5002 ", "-1", "5002.0", "1e3", "NaN", "Infinity", "null",
            "true", "%00", "%7B%7D", "{}", "${jndi:ldap://127.0.0.1/x}", "#{1+1}", "{{7*7}}", "../../etc/passwd",
            "<script>alert(1)</script>", "'\"", "\\", "a:b", "TENANT#x", "EVENT#x", "TICKET#1");
    static final byte[][] INVALID_UTF8 = {
        {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC3},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xFE, (byte) 0xFF},
    };

    private FuzzPayloads() {
    }

    /**
     * Draws {@code count} cases from {@code cases}, reproducibly for a seed, outside a jqwik property
     * (the fuzz runs are Quarkus tests, which jqwik cannot drive itself).
     */
    public static List<FuzzCase> draw(Arbitrary<FuzzCase> cases, int count, long seed) {
        JqwikSession.start();
        try {
            RandomGenerator<FuzzCase> generator = cases.generator(1000);
            Random random = new Random(seed);
            List<FuzzCase> drawn = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                drawn.add(generator.next(random).value());
            }
            return drawn;
        } finally {
            JqwikSession.finish();
        }
    }

    // ---------------------------------------------------------------- webhook deliveries

    /**
     * Webhook delivery bodies of every family, weighted.
     */
    public static Arbitrary<FuzzCase> webhookCases() {
        Arbitrary<FuzzCase> cases = Arbitraries.frequencyOf(
                Tuple.of(26, json("event", event())),
                Tuple.of(10, json("batch", event().list().ofMinSize(1).ofMaxSize(12).map(FuzzPayloads::array))),
                Tuple.of(4, json("batch-with-non-objects", Arbitraries.oneOf(event(), value(2)).list().ofMinSize(1)
                        .ofMaxSize(8).map(FuzzPayloads::array))),
                Tuple.of(12, mutated("mutated-sample", Arbitraries.of(SAMPLES).map(HaloStubs.Samples::read))),
                Tuple.of(8, mutated("mutated-event", event())),
                Tuple.of(6, json("duplicate-keys", duplicateKeyEvent())),
                Tuple.of(5, json("deep-nesting", deepNesting())),
                Tuple.of(5, json("huge-numbers", hugeNumberEvent())),
                Tuple.of(4, json("not-an-object", value(2))),
                Tuple.of(3, randomBytes()),
                Tuple.of(4, json("large-field", largeFieldEvent())),
                Tuple.of(2, json("oversize", oversizeBatch())),
                Tuple.of(3, Combinators.combine(Arbitraries.of("", " ", "\n", "\ufeff{}", "\ufeff{\"id\":\"bom\"}", "{}", "[]",
                        "[{}]", "null", "{\"id\":null}"), Arbitraries.of(JSON, "text/plain", "application/octet-stream"))
                        .as((text, type) -> new FuzzCase("blank-or-bom", type, utf8(text)))),
                Tuple.of(2, json("content-type", event()).map(c -> new FuzzCase(c.family, "text/plain; charset=latin1", c.body))));
        return cases;
    }

    /** One Halo event with fields of every kind, wrong types and odd values included; keys in random order. */
    public static Arbitrary<String> event() {
        Arbitrary<String> id = Arbitraries.frequencyOf(
                Tuple.of(6, uuid().map(FuzzPayloads::quote)),
                Tuple.of(1, scalar()), Tuple.of(1, hugeNumber()),
                Tuple.of(1, text(201, 400).map(FuzzPayloads::quote)), Tuple.of(1, value(1)));
        Arbitrary<String> objectId = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0, 999_999).map(String::valueOf)),
                Tuple.of(2, Arbitraries.integers().between(0, 999_999).map(n -> quote("000" + n))),
                Tuple.of(1, digits(25, 35)), Tuple.of(1, hugeNumber()), Tuple.of(1, scalar()), Tuple.of(1, value(1)));
        Arbitrary<String> timestamp = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(TIMES).map(FuzzPayloads::quote)),
                Tuple.of(1, scalar()));
        return Combinators.combine(
                        optional(0.9, id.map(v -> member("id", v))),
                        optional(0.7, scalar().map(v -> member("webhook_id", v))),
                        optional(0.8, Arbitraries.oneOf(Arbitraries.of("ticket updated", "new ticket logged").map(FuzzPayloads::quote),
                                scalar()).map(v -> member("event", v))),
                        optional(0.9, objectId.map(v -> member("object_id", v))),
                        optional(0.8, timestamp.map(v -> member("timestamp", v))),
                        optional(0.5, ticket().map(v -> member("ticket", v))),
                        Combinators.combine(key(), value(2)).as(FuzzPayloads::member).list().ofMaxSize(4),
                        Arbitraries.randoms())
                .as((a, b, c, d, e, f, extra, random) -> {
                    List<String> members = new ArrayList<>();
                    for (String member : List.of(a, b, c, d, e, f)) {
                        if (!member.isEmpty()) {
                            members.add(member);
                        }
                    }
                    members.addAll(extra);
                    Collections.shuffle(members, random);
                    return "{" + String.join(",", members) + "}";
                });
    }

    /** A "full object" ticket: tracked fields with right and wrong types, sometimes not an object at all. */
    static Arbitrary<String> ticket() {
        Arbitrary<String> field = Combinators.combine(Arbitraries.of(TICKET_KEYS), Arbitraries.frequencyOf(
                Tuple.of(3, scalar()), Tuple.of(2, Arbitraries.of(TIMES).map(FuzzPayloads::quote)),
                Tuple.of(1, hugeNumber()), Tuple.of(1, value(2)))).as(FuzzPayloads::member);
        return Arbitraries.frequencyOf(
                Tuple.of(8, field.list().ofMinSize(1).ofMaxSize(10).map(members -> "{" + String.join(",", members) + "}")),
                Tuple.of(1, value(1)));
    }

    /** An event whose ticket and top-level fields are all numbers too large for a double or for DynamoDB. */
    static Arbitrary<String> hugeNumberEvent() {
        return Combinators.combine(hugeNumber(), hugeNumber(), hugeNumber(), hugeNumber(), hugeNumber(), hugeNumber())
                .as((a, b, c, d, e, f) -> "{\"id\":" + a + ",\"object_id\":" + b + ",\"timestamp\":" + c
                        + ",\"ticket\":{\"id\":4242,\"status_id\":" + d + ",\"agent_id\":" + e + ",\"priority_id\":" + f
                        + ",\"last_update\":\"2026-11-28T05:00:00Z\"}}");
    }

    /** The same key several times, with different values (Jackson keeps the last). */
    static Arbitrary<String> duplicateKeyEvent() {
        return Combinators.combine(Arbitraries.of(HALO_EVENT_KEYS), Arbitraries.oneOf(scalar(), value(1), ticket())
                        .list().ofMinSize(2).ofMaxSize(6), event())
                .as((key, values, rest) -> {
                    StringBuilder json = new StringBuilder("{");
                    values.forEach(v -> json.append(member(key, v)).append(','));
                    return json.append(rest.substring(1).isEmpty() || rest.equals("{}") ? "\"x\":1}" : rest.substring(1)).toString();
                });
    }

    /** Arrays or objects nested 50 to 3,000 deep, as the whole body or inside a ticket. */
    static Arbitrary<String> deepNesting() {
        return Combinators.combine(uniform(50, 3000), Arbitraries.of("[]", "{}", "ticket", "mixed"), uuid())
                .as((depth, shape, id) -> {
                    StringBuilder open = new StringBuilder();
                    StringBuilder close = new StringBuilder();
                    for (int i = 0; i < depth; i++) {
                        boolean array = shape.equals("[]") || (shape.equals("mixed") && i % 2 == 0);
                        open.append(array ? "[" : "{\"a\":");
                        close.append(array ? "]" : "}");
                    }
                    String nested = open + "1" + close.reverse();
                    return shape.equals("ticket")
                            ? "{\"id\":\"" + id + "\",\"object_id\":7,\"ticket\":{\"summary\":" + nested + "}}"
                            : shape.equals("[]") ? nested : "{\"id\":\"" + id + "\",\"x\":" + nested + "}";
                });
    }

    /**
     * One event with a ticket field of 100 KB to 250 KB: the body is under 256 KiB, the items may not
     * be. Ticket ids of their own, so that two large events rarely meet on one ticket item.
     */
    static Arbitrary<String> largeFieldEvent() {
        return Combinators.combine(uniform(100_000, 250_000), Arbitraries.of("summary", "details", "team"),
                        uniform(10_000_000, 99_999_999), uuid())
                .as((size, field, ticketId, id) -> "{\"id\":\"" + id + "\",\"object_id\":" + ticketId
                        + ",\"timestamp\":\"2026-11-28T05:00:00Z\",\"ticket\":{\"id\":" + ticketId + ",\"" + field + "\":\""
                        + "x".repeat(size) + "\",\"last_update\":\"2026-11-28T05:00:00Z\"}}");
    }

    /** A body over 256 KiB (413). */
    static Arbitrary<String> oversizeBatch() {
        return uniform(262_145, 300_000).map(size -> "[{\"id\":\"big\",\"pad\":\"" + "y".repeat(size) + "\"}]");
    }

    // ---------------------------------------------------------------- Save And Sync bodies

    /**
     * {@code PUT /v1/integrations/halo} bodies; the only http(s) URLs in them are {@code authUrl} and
     * {@code resourceUrl}.
     */
    public static Arbitrary<FuzzCase> saveCases(String authUrl, String resourceUrl) {
        String port = authUrl.replaceAll("^.*:(\\d+)/.*$", "$1");
        Arbitrary<String> badUrl = Arbitraries.of("ftp://127.0.0.1:" + port + "/auth", "http://user:pw@localhost:" + port + "/auth",
                        "http://localhost:" + port + "/auth?x=1", "http://localhost:" + port + "/auth#f", "not a url", "http://",
                        "http:///auth", "javascript:alert(1)", "//localhost/auth", "file:///etc/passwd", "gopher://127.0.0.1/",
                        "https://", "ht tp://localhost/", "http://local host/", "")
                .map(FuzzPayloads::quote);
        Arbitrary<String> longUrl = Arbitraries.integers().between(2049, 5000)
                .map(n -> quote("http://localhost:" + port + "/" + "a".repeat(n)));
        Arbitrary<String> auth = urlField(quote(authUrl), badUrl, longUrl);
        Arbitrary<String> resource = urlField(quote(resourceUrl), badUrl, longUrl);
        Arbitrary<String> webhookAuth = Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(stringField(), stringField())
                        .as((u, p) -> "{" + join(member("username", u), member("password", p)) + "}")),
                Tuple.of(1, Arbitraries.of("null", "{}", "[]", "\"user:pass\"", "{\"username\":\"a:b\",\"password\":\"p\"}")),
                Tuple.of(1, wrongType()));
        Arbitrary<SaveFields> fields = Combinators.combine(
                        field(auth, 0.0), field(resource, 0.0), field(stringField(), 0.2), field(stringField(), 0.05),
                        field(stringField(), 0.3), field(stringField(), 0.5), field(webhookAuth, 0.7),
                        Combinators.combine(key(), value(2)).as(FuzzPayloads::member).list().ofMaxSize(2))
                .as((a, r, t, id, secret, scope, hook, extra) -> {
                    Map<String, String> members = new LinkedHashMap<>();
                    putIfPresent(members, "authUrl", a);
                    putIfPresent(members, "resourceUrl", r);
                    putIfPresent(members, "tenant", t);
                    putIfPresent(members, "clientId", id);
                    putIfPresent(members, "clientSecret", secret);
                    putIfPresent(members, "scope", scope);
                    putIfPresent(members, "webhookAuth", hook);
                    return new SaveFields(members, extra);
                });
        Arbitrary<String> body = Combinators.combine(fields, Arbitraries.randoms(), Arbitraries.integers().between(0, 9))
                .as((given, random, duplicates) -> saveBody(given, random, duplicates < 2));
        Arbitrary<String> withoutHttpUrls = body.map(text -> text.replace(authUrl, "ftp://127.0.0.1:" + port + "/auth")
                .replace(resourceUrl, "ftp://127.0.0.1:" + port + "/api").replaceAll("\"https?://", "\"ftp://"));
        Arbitrary<FuzzCase> cases = Arbitraries.frequencyOf(
                Tuple.of(64, body.map(b -> new FuzzCase("fields", JSON, utf8(b)))),
                Tuple.of(8, truncated("truncated-valid", Arbitraries.just(validSaveBody(authUrl, resourceUrl)))),
                Tuple.of(8, invalidUtf8("invalid-utf8", withoutHttpUrls)),
                Tuple.of(8, mutated("mutated-no-http", withoutHttpUrls)),
                Tuple.of(3, json("deep-nesting", deepNesting())),
                Tuple.of(3, json("not-an-object", value(2))),
                Tuple.of(2, randomBytes()),
                Tuple.of(2, json("huge-numbers", Combinators.combine(hugeNumber(), hugeNumber(), hugeNumber())
                        .as((a, b, c) -> "{\"authUrl\":" + a + ",\"resourceUrl\":" + b + ",\"clientId\":" + c
                                + ",\"clientSecret\":" + a + ",\"tenant\":" + b + "}"))),
                Tuple.of(2, body.map(b -> new FuzzCase("content-type", "text/plain", utf8(b)))));
        return cases;
    }

    /** A body that saves: the WireMock Halo's URLs and plain values. */
    public static String validSaveBody(String authUrl, String resourceUrl) {
        return "{\"authUrl\":" + quote(authUrl) + ",\"resourceUrl\":" + quote(resourceUrl)
                + ",\"tenant\":\"acme\",\"clientId\":\"client-fuzz\",\"clientSecret\":\"a-fuzzed-client-secret-0001\"}";
    }

    /**
     * The right URL, or one refused by its form (never by DNS or a connection): swapping the two right
     * ones would make Halo answer 404 to the token request, which is rightly a 502.
     */
    private static Arbitrary<String> urlField(String right, Arbitrary<String> badUrl, Arbitrary<String> longUrl) {
        return Arbitraries.frequencyOf(Tuple.of(14, Arbitraries.just(right)),
                Tuple.of(2, badUrl), Tuple.of(1, longUrl), Tuple.of(2, wrongType()), Tuple.of(1, Arbitraries.just("null")));
    }

    /** A string field's value: mostly a fine string (odd characters included), sometimes too long or not a string. */
    private static Arbitrary<String> stringField() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.strings().alpha().numeric().withChars("-_.").ofMinLength(1).ofMaxLength(40).map(FuzzPayloads::quote)),
                Tuple.of(3, text(0, 40).map(FuzzPayloads::quote)),
                Tuple.of(1, Arbitraries.of(TRICKY_TEXT).map(FuzzPayloads::quote)),
                Tuple.of(1, text(500, 600).map(FuzzPayloads::quote)),
                Tuple.of(1, text(2048, 4096).map(FuzzPayloads::quote)),
                Tuple.of(2, wrongType()));
    }

    private static Arbitrary<String> wrongType() {
        return Arbitraries.oneOf(Arbitraries.of("0", "-1", "true", "false", "[]", "{}", "[\"a\"]", "{\"a\":\"b\"}", "1.5"),
                hugeNumber(), value(2));
    }

    /** A field that is absent (empty string) with chance {@code absent}. */
    private static Arbitrary<String> field(Arbitrary<String> value, double absent) {
        return optional(1 - absent, value);
    }

    private static void putIfPresent(Map<String, String> members, String name, String value) {
        if (!value.isEmpty()) {
            members.put(name, value);
        }
    }

    /** The Save body's fields by name (raw JSON values), and unknown members besides them. */
    private record SaveFields(Map<String, String> members, List<String> extraMembers) {
    }

    private static String saveBody(SaveFields fields, Random random, boolean duplicateAKey) {
        Map<String, String> members = fields.members();
        List<String> parts = new ArrayList<>();
        members.forEach((name, value) -> parts.add(member(name, value)));
        parts.addAll(fields.extraMembers());
        if (duplicateAKey && !members.isEmpty()) {
            List<String> names = new ArrayList<>(members.keySet());
            String name = names.get(random.nextInt(names.size()));
            String[] others = {"\"dup\"", "null", "7", "\"\"", "{}"};
            parts.add(random.nextInt(parts.size() + 1), member(name, others[random.nextInt(others.length)]));
        }
        return "{" + String.join(",", parts) + "}";
    }

    // ---------------------------------------------------------------- JSON pieces

    /** Any JSON value up to {@code depth} containers deep. */
    public static Arbitrary<String> value(int depth) {
        if (depth <= 0) {
            return scalar();
        }
        return Arbitraries.lazy(() -> Arbitraries.frequencyOf(
                Tuple.of(6, scalar()),
                Tuple.of(1, value(depth - 1).list().ofMaxSize(4).map(FuzzPayloads::array)),
                Tuple.of(1, Combinators.combine(key(), value(depth - 1)).as(FuzzPayloads::member).list().ofMaxSize(4)
                        .map(members -> "{" + String.join(",", members) + "}"))));
    }

    public static Arbitrary<String> scalar() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().map(String::valueOf)),
                Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(1, Arbitraries.doubles().map(d -> Double.isFinite(d) ? Double.toString(d) : "0.5")),
                Tuple.of(2, hugeNumber()),
                Tuple.of(4, text(0, 30).map(FuzzPayloads::quote)),
                Tuple.of(2, Arbitraries.of(TRICKY_TEXT).map(FuzzPayloads::quote)),
                Tuple.of(1, text(2048, 6000).map(FuzzPayloads::quote)),
                Tuple.of(1, text(1, 20).map(FuzzPayloads::quoteWithRawControls)),
                Tuple.of(1, Arbitraries.of("true", "false", "null")));
    }

    /** Numbers a double cannot hold, or DynamoDB cannot (over 38 digits, beyond 1e125), or Jackson refuses (over 1,000 digits). */
    public static Arbitrary<String> hugeNumber() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("1e400", "-1e400", "1E+400", "1e-400", "-0.0", "1e308", "1.7976931348623157e309",
                        "4.9e-325", "1e2147483648", "1e-2147483649", "123456789012345678901234567890123456789",
                        "0.000000000000000000000000000000000000000001", "1e126", "1e-131", "9.99999999999999999999999999999999999999e125",
                        "1e99", "1e100", "12345678901234567890123456789012345678.5")),
                Tuple.of(2, digits(39, 400).map(d -> "1" + d)),
                Tuple.of(1, digits(39, 400).map(d -> "-9" + d)),
                Tuple.of(1, Combinators.combine(digits(1, 30), Arbitraries.integers().between(100, 500)).as((d, e) -> "1" + d + "e" + e)),
                Tuple.of(1, digits(1, 400).map(d -> "0." + d)),
                Tuple.of(1, digits(1001, 1200).map(d -> "7" + d)));
    }

    /** A UUID drawn from the run's random source, so a seed repeats it. */
    public static Arbitrary<String> uuid() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as((a, b) -> new UUID(a, b).toString());
    }

    /** Sizes drawn evenly: jqwik's default leans to the low end, which would hardly ever reach the limits. */
    private static Arbitrary<Integer> uniform(int min, int max) {
        return Arbitraries.integers().between(min, max).withDistribution(RandomDistribution.uniform());
    }

    private static Arbitrary<String> digits(int min, int max) {
        return Arbitraries.strings().numeric().ofMinLength(min).ofMaxLength(max);
    }

    private static Arbitrary<String> key() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(HALO_EVENT_KEYS)), Tuple.of(2, Arbitraries.of(TICKET_KEYS)),
                Tuple.of(3, text(0, 20)), Tuple.of(1, Arbitraries.of("", "x".repeat(300), "pk", "sk", "raw", "receivedAt",
                        "expiresAt", "__proto__", "constructor", "$type", "@class")));
    }

    /** Text of any characters, control characters and lone surrogates included. */
    private static Arbitrary<String> text(int min, int max) {
        return Arbitraries.strings().all().ofMinLength(min).ofMaxLength(max);
    }

    /** With chance {@code present} the value, otherwise an empty string meaning "left out". */
    private static Arbitrary<String> optional(double present, Arbitrary<String> value) {
        int weight = (int) Math.round(present * 100);
        return Arbitraries.frequencyOf(Tuple.of(Math.max(1, weight), value), Tuple.of(Math.max(1, 100 - weight), Arbitraries.just("")));
    }

    private static String member(String key, String value) {
        return quote(key) + ":" + value;
    }

    private static String join(String... parts) {
        return String.join(",", Arrays.stream(parts).filter(p -> !p.isEmpty()).toList());
    }

    private static String array(List<String> values) {
        return "[" + String.join(",", values) + "]";
    }

    /** A JSON string: escapes quotes, backslashes, control characters and lone surrogates ({@code \ud800}). */
    public static String quote(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || (Character.isSurrogate(c) && !pairedHigh && !(Character.isLowSurrogate(c)
                    && i > 0 && Character.isHighSurrogate(text.charAt(i - 1))))) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    /** A JSON string with its control characters left raw, which strict JSON forbids. */
    private static String quoteWithRawControls(String text) {
        return "\"\u0001" + text.replace("\"", "").replace("\\", "") + "\t\n\"";
    }

    // ---------------------------------------------------------------- families and mutations

    private static Arbitrary<FuzzCase> json(String family, Arbitrary<String> text) {
        return text.map(t -> new FuzzCase(family, JSON, utf8(t)));
    }

    private static Arbitrary<FuzzCase> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2048).map(b -> new FuzzCase("random-bytes", JSON, b));
    }

    private static Arbitrary<FuzzCase> truncated(String family, Arbitrary<String> valid) {
        return Combinators.combine(valid, Arbitraries.doubles().between(0, 1))
                .as((text, at) -> {
                    byte[] bytes = utf8(text);
                    return new FuzzCase(family, JSON, Arrays.copyOf(bytes, (int) (at * (bytes.length - 1))));
                });
    }

    private static Arbitrary<FuzzCase> invalidUtf8(String family, Arbitrary<String> valid) {
        return Combinators.combine(valid, Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, INVALID_UTF8.length - 1))
                .as((text, at, which) -> new FuzzCase(family, JSON, insert(utf8(text), (int) (at * text.length()), INVALID_UTF8[which])));
    }

    /** One to three byte-level mutations: truncation, flips, invalid UTF-8, deletion, duplication, stray punctuation, huge numbers. */
    private static Arbitrary<FuzzCase> mutated(String family, Arbitrary<String> valid) {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 255), hugeNumber()).as(Mutation::new);
        return Combinators.combine(valid, mutation.list().ofMinSize(1).ofMaxSize(3))
                .as((text, mutations) -> {
                    byte[] bytes = utf8(text);
                    for (Mutation m : mutations) {
                        bytes = m.apply(bytes);
                    }
                    return new FuzzCase(family, JSON, bytes);
                });
    }

    private record Mutation(int kind, double at, double length, int value, String number) {
        byte[] apply(byte[] bytes) {
            int position = (int) (at * bytes.length);
            int span = Math.max(1, (int) (length * Math.min(64, bytes.length)));
            return switch (kind) {
                case 0 -> Arrays.copyOf(bytes, position);
                case 1 -> {
                    byte[] copy = bytes.clone();
                    if (copy.length > 0) {
                        copy[Math.min(position, copy.length - 1)] ^= (byte) (1 << (value % 8));
                    }
                    yield copy;
                }
                case 2 -> insert(bytes, position, INVALID_UTF8[value % INVALID_UTF8.length]);
                case 3 -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(bytes, 0, position);
                    int from = Math.min(bytes.length, position + span);
                    out.write(bytes, from, bytes.length - from);
                    yield out.toByteArray();
                }
                case 4 -> insert(bytes, position, Arrays.copyOfRange(bytes, position, Math.min(bytes.length, position + span)));
                case 5 -> insert(bytes, position, new byte[] {(byte) "{}[],:\"\\".charAt(value % 8)});
                default -> utf8(new String(bytes, StandardCharsets.UTF_8).replaceFirst("(?<=[:\\[,])\\s*-?\\d+(\\.\\d+)?", number));
            };
        }
    }

    private static byte[] insert(byte[] bytes, int position, byte[] inserted) {
        int at = Math.max(0, Math.min(position, bytes.length));
        byte[] result = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
        return result;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
