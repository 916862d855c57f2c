package com.halopsaconnector.webhook;

import static com.halopsaconnector.webhook.WebhookTestData.newTenant;
import static com.halopsaconnector.webhook.WebhookTestData.webhooksReceived;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.halopsaconnector.domain.HaloTime;
import com.halopsaconnector.integration.TestConnections;
import com.halopsaconnector.testsupport.FaultInjectingProxy.Fault;
import com.halopsaconnector.testsupport.FaultProxyControl.InjectedFault;
import com.halopsaconnector.testsupport.FaultProxyControl;
import com.halopsaconnector.testsupport.FaultyStoreProfile;
import com.halopsaconnector.testsupport.RunTimeBound;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TableLayout;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reliability figure 1: webhook deliveries from concurrent senders while DynamoDB calls fail.
 *
 * <p>{@code fault.deliveries} deliveries (default 500; the full run is 10,000, see docs/reliability.md)
 * from {@code fault.senders} threads (8) reach the webhook route through the Lambda mock event server.
 * About 5% are exact replays of an earlier delivery, 5% are batches of 2-10 events (some of them
 * events already sent on their own), the rest single events; 60% "full object", 40% "event
 * information only", 10% without an {@code id}, about 150 tickets so events of one ticket overlap.
 * Every DynamoDB call passes a {@code FaultInjectingProxy} that fails {@code fault.rate} (2%) of
 * them (HTTP 500, throttling 400, reset before or after the store did the call) and then a
 * serialising proxy to moto. A sender retries a 5xx (or a broken connection) as Halo would:
 * at most {@code fault.max-attempts} (6) attempts, back-off 200 ms doubling up to 3.2 s (scaled down
 * from the answer's Retry-After of 5 s so the run stays short).
 *
 * <p>Afterwards: every distinct event is stored exactly once (EVENT# items), the connection's
 * {@code webhooksReceived} equals the number of distinct events, every item is well-formed, every
 * ticket item ends at the newest change sent for it, and every 5xx answer is matched to a fault the
 * proxy injected while that attempt was in flight (one fault explains at most one 5xx). The figures
 * go to {@code fault.report} (default target/reliability/webhook-faults.md).
 *
 * <p>The Lambda mock event server hands the application one request at a time (as one Lambda
 * instance works), so the senders' deliveries queue there and are stored one after another; races
 * between instances are the subject of {@link ConcurrentDeliveryTest}.
 */
@QuarkusTest
@TestProfile(FaultyStoreProfile.class)
class WebhookFaultRunTest {

    static final int DELIVERIES = Integer.getInteger("fault.deliveries", 200);
    static final int SENDERS = Integer.getInteger("fault.senders", 8);
    static final double FAULT_RATE = Double.parseDouble(System.getProperty("fault.rate", "0.02"));
    static final long SEED = Long.getLong("fault.seed", 20261129L);
    static final Path REPORT = Path.of(System.getProperty("fault.report", "target/reliability/webhook-faults.md"));
    /**
     * Optional time bound of the whole run, {@code fault.time-limit} seconds (none by default).
     * Deliveries not sent by then are a failure; the checks then cover the ones that were sent.
     */
    static final String TIME_LIMIT_PROPERTY = "fault.time-limit";
    /**
     * Deliveries per round; each round has a connection of its own and ends by removing its items
     * (see {@link #runRound}). Small rounds keep moto's table small, which moto's transactions copy.
     */
    static final int ROUND = Integer.getInteger("fault.round", 100);
    static final int MAX_ATTEMPTS = Integer.getInteger("fault.max-attempts", 6);
    static final int TICKETS = 150;
    static final Instant FIRST_CHANGE = Instant.parse("2026-11-01T00:00:00Z");

    @Inject
    Table table;

    /** One planned delivery: its body and the dedup keys (Halo id, or the body of an id-less event) of its events. */
    record Delivery(int index, String body, List<String> eventKeys, boolean replay, boolean batch) {
    }

    /** One HTTP attempt of a delivery: its answer (0 = no answer) and when it was in flight. */
    record Attempt(int delivery, int number, int status, long startNanos, long endNanos, String body) {
    }

    /** What one distinct event says about its ticket. */
    record Change(String ticketId, Instant at, boolean withData) {
    }

    @Test
    void deliveriesWhileDynamoDbFails_storeEveryEventOnce_andEvery5xxHasAFaultBehindIt() throws Exception {
        FaultProxyControl faults = FaultProxyControl.fromConfig();
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.lambda.mock-event-server.test-port", Integer.class)
                .orElse(8081);
        RunTimeBound deadline = RunTimeBound.fromProperty(TIME_LIMIT_PROPERTY);
        Instant started = Instant.now();
        Totals totals = new Totals();
        List<String> problems = new ArrayList<>();
        int rounds = (DELIVERIES + ROUND - 1) / ROUND;
        for (int round = 0; round < rounds && problems.isEmpty(); round++) {
            int size = Math.min(ROUND, DELIVERIES - round * ROUND);
            runRound(round, size, port, faults, deadline, totals, problems);
        }
        totals.took = Duration.between(started, Instant.now());
        writeReport(totals, problems);

        assertThat(problems).as("problems found (figures in %s)", REPORT).isEmpty();
        assertThat(totals.sent).as("deliveries sent").isEqualTo(DELIVERIES);
        assertThat(totals.calls).as("DynamoDB calls through the fault proxy").isPositive();
    }

    /**
     * One round: a fresh connection, {@code size} deliveries from the senders, the checks, then the
     * tenant's items are removed again. moto copies the whole table for every item of a transaction,
     * so a table that only grew would slow the long run down more and more.
     */
    private void runRound(int round, int size, int port, FaultProxyControl faults, RunTimeBound deadline, Totals totals,
                          List<String> problems) throws Exception {
        String tenant = newTenant();
        String token = TestConnections.connect(tenant);
        Plan planned = Plan.make(size, new Random(SEED + round));
        URI route = URI.create("http://127.0.0.1:" + port + WebhookApi.PATH + token);

        faults.enable(FAULT_RATE, SEED + round);
        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> wrongAnswers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> gaveUp = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            for (int s = 0; s < SENDERS; s++) {
                long senderSeed = (SEED + round) * 31 + s;
                senders.execute(() -> {
                    Random jitter = new Random(senderSeed);
                    while (!deadline.passed()) {
                        int i = next.getAndIncrement();
                        if (i >= planned.deliveries.size()) {
                            return;
                        }
                        Delivery delivery = planned.deliveries.get(i);
                        Attempt last = deliverWithRetries(client, route, delivery, attempts, jitter, deadline);
                        if (last.status >= 500 || last.status == 0) {
                            gaveUp.add(delivery.index);
                        } else if (!answerFits(delivery, last)) {
                            wrongAnswers.add("round " + round + " delivery " + delivery.index + ": " + last.status + " " + last.body);
                        }
                    }
                });
            }
            senders.shutdown();
            if (!senders.awaitTermination(deadline.left().toSeconds() + 60, TimeUnit.SECONDS)) {
                problems.add("round " + round + ": senders did not finish within " + deadline);
            }
        } finally {
            senders.shutdownNow();
        }
        faults.disable();
        Map<String, Long> stats = faults.stats();
        List<InjectedFault> injected = faults.log();
        // Deliveries are taken in order, and every one taken is sent: those sent are a prefix of the plan.
        int sent = Math.min(next.get(), size);
        Plan plan = sent == size ? planned : Plan.make(sent, new Random(SEED + round));

        List<Map<String, AttributeValue>> items = table.itemsOf("TENANT#" + tenant);
        List<Map<String, AttributeValue>> events = withSkPrefix(items, "EVENT#");
        Map<String, Map<String, AttributeValue>> tickets = new HashMap<>();
        withSkPrefix(items, "TICKET#").forEach(item -> tickets.put(item.get("sk").s().substring(7), item));
        long received = webhooksReceived(table, tenant);
        List<Attempt> all = new ArrayList<>(attempts);
        List<Attempt> failures = all.stream().filter(a -> a.status >= 500 || a.status == 0).toList();
        List<Attempt> unexplained = unexplained(failures, injected);
        Set<String> storedKeys = new HashSet<>();
        events.forEach(item -> storedKeys.add(item.get("sk").s().substring("EVENT#".length())));
        long missingIds = plan.eventIds.stream().filter(id -> !storedKeys.contains(id)).count();
        List<String> ticketProblems = ticketProblems(plan, tickets);
        List<String> layoutProblems = TableLayout.problems(items);

        String prefix = "round " + round + ": ";
        if (sent < size) {
            problems.add(prefix + "only " + sent + " of " + size + " deliveries sent within " + deadline
                    + "; the checks below cover those");
        }
        gaveUp.forEach(index -> problems.add(prefix + "delivery " + index + " still failed after " + MAX_ATTEMPTS + " attempts"));
        wrongAnswers.forEach(problems::add);
        unexplained.forEach(a -> problems.add(prefix + "delivery " + a.delivery + " attempt " + a.number + " answered "
                + (a.status == 0 ? "nothing (" + a.body + ")" : a.status + " " + a.body) + " without an injected fault in flight"));
        if (events.size() != plan.distinctEvents()) {
            problems.add(prefix + events.size() + " EVENT# items for " + plan.distinctEvents() + " distinct events");
        }
        if (missingIds > 0) {
            problems.add(prefix + missingIds + " events sent with an id were not stored");
        }
        if (received != plan.distinctEvents()) {
            problems.add(prefix + "webhooksReceived " + received + " for " + plan.distinctEvents() + " distinct events");
        }
        layoutProblems.forEach(p -> problems.add(prefix + "malformed item " + p));
        ticketProblems.forEach(p -> problems.add(prefix + p));

        totals.add(planned, plan, all, failures.size(), unexplained.size(), gaveUp.size(), wrongAnswers.size(), stats, injected,
                events.size(), received, tickets.size(), layoutProblems.size(), ticketProblems.size());
        if (problems.isEmpty()) {
            TestConnections.disconnect(tenant);
            table.deleteItemsOf("TENANT#" + tenant);
        }
    }

    private static Attempt deliverWithRetries(HttpClient client, URI route, Delivery delivery,
                                              ConcurrentLinkedQueue<Attempt> attempts, Random jitter, RunTimeBound deadline) {
        Attempt attempt = null;
        for (int number = 1; number <= MAX_ATTEMPTS; number++) {
            long start = System.nanoTime();
            int status;
            String body;
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(route)
                        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(delivery.body)).build(), HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                body = response.body();
            } catch (IOException e) {
                status = 0;
                body = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Attempt(delivery.index, number, 0, start, System.nanoTime(), "interrupted");
            }
            attempt = new Attempt(delivery.index, number, status, start, System.nanoTime(), body);
            attempts.add(attempt);
            if ((status > 0 && status < 500) || number == MAX_ATTEMPTS || deadline.passed()) {
                return attempt;
            }
            long backoff = Math.min(3200L, 200L << Math.min(number - 1, 4));
            try {
                Thread.sleep(backoff + jitter.nextInt((int) backoff / 2 + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return attempt;
            }
        }
        return attempt;
    }

    private static boolean answerFits(Delivery delivery, Attempt answer) {
        if (answer.status != 200) {
            return false;
        }
        try {
            JsonNode receipt = new ObjectMapper().readTree(answer.body);
            int received = receipt.path("received").asInt(-1);
            int duplicates = receipt.path("duplicates").asInt(-1);
            return received == delivery.eventKeys.size() && duplicates >= 0 && duplicates <= received;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Failed attempts with no injected fault to blame: a fault explains a failed attempt when it was
     * injected while the attempt was in flight, and each fault explains at most one (earliest first).
     */
    static List<Attempt> unexplained(List<Attempt> failures, List<InjectedFault> injected) {
        List<Attempt> byEnd = new ArrayList<>(failures);
        byEnd.sort((a, b) -> Long.compare(a.endNanos, b.endNanos));
        List<InjectedFault> unused = new ArrayList<>(injected);
        unused.sort((a, b) -> Long.compare(a.atNanos(), b.atNanos()));
        List<Attempt> unexplained = new ArrayList<>();
        for (Attempt failure : byEnd) {
            InjectedFault blamed = null;
            for (InjectedFault fault : unused) {
                if (fault.atNanos() >= failure.startNanos && fault.atNanos() <= failure.endNanos) {
                    blamed = fault;
                    break;
                }
            }
            if (blamed == null) {
                unexplained.add(failure);
            } else {
                unused.remove(blamed);
            }
        }
        return unexplained;
    }

    /**
     * Every ticket ends at the newest change sent for it: when the newest data is at least as new as
     * the newest data-less event, the item holds that data ({@code lastChangedAt}) and no stale mark;
     * otherwise it is marked stale since that newest event.
     */
    private static List<String> ticketProblems(Plan plan, Map<String, Map<String, AttributeValue>> tickets) {
        List<String> problems = new ArrayList<>();
        Map<String, Instant> newestData = new TreeMap<>();
        Map<String, Instant> newestMark = new TreeMap<>();
        for (Change change : plan.changes) {
            (change.withData ? newestData : newestMark).merge(change.ticketId, change.at, (a, b) -> a.isAfter(b) ? a : b);
        }
        Set<String> named = new LinkedHashSet<>(newestData.keySet());
        named.addAll(newestMark.keySet());
        for (String id : named) {
            Map<String, AttributeValue> item = tickets.get(id);
            if (item == null) {
                problems.add("ticket " + id + " has no item");
                continue;
            }
            Instant data = newestData.get(id);
            Instant mark = newestMark.get(id);
            boolean stale = item.containsKey("stale") && Boolean.TRUE.equals(item.get("stale").bool());
            if (data != null && (mark == null || !data.isBefore(mark))) {
                String expected = HaloTime.sortable(data);
                String lastChanged = item.containsKey("lastChangedAt") ? item.get("lastChangedAt").s() : null;
                if (stale || !expected.equals(lastChanged)) {
                    problems.add("ticket " + id + ": expected data of " + expected + " and no stale mark, found lastChangedAt "
                            + lastChanged + (stale ? " and a stale mark" : ""));
                }
            } else {
                String expected = HaloTime.sortable(mark);
                String since = item.containsKey("staleSince") ? item.get("staleSince").s() : null;
                if (!stale || !expected.equals(since)) {
                    problems.add("ticket " + id + ": expected a stale mark since " + expected + ", found " + since);
                }
            }
        }
        if (tickets.size() != named.size()) {
            problems.add(tickets.size() + " ticket items for " + named.size() + " tickets named");
        }
        return problems;
    }

    private static List<Map<String, AttributeValue>> withSkPrefix(List<Map<String, AttributeValue>> items, String prefix) {
        return items.stream().filter(item -> item.get("sk").s().startsWith(prefix)).toList();
    }

    /** The figures of all rounds together. */
    static final class Totals {
        int rounds;
        int planned;
        long sent;
        long replays;
        long batches;
        long eventsSent;
        long distinct;
        long eventItems;
        long received;
        long ticketItems;
        long attempts;
        long retries;
        long failures;
        long unexplained;
        long gaveUp;
        long wrongAnswers;
        long calls;
        long storeMillis;
        long layoutProblems;
        long ticketProblems;
        Duration took = Duration.ZERO;
        final Map<Integer, Long> statuses = new TreeMap<>();
        final Map<String, Long> faults = new TreeMap<>();
        final Map<String, Long> faultsByOperation = new TreeMap<>();
        final Map<String, Long> callsByOperation = new TreeMap<>();
        final List<Long> latencies = new ArrayList<>();

        void add(Plan planned, Plan plan, List<Attempt> all, int failed, int unexplainedFailures, int gaveUpDeliveries, int wrong,
                 Map<String, Long> stats, List<InjectedFault> injected, int events, long webhooksReceived, int tickets,
                 int malformed, int ticketsOff) {
            rounds++;
            this.planned += planned.deliveries.size();
            sent += all.stream().filter(a -> a.number == 1).count();
            replays += plan.deliveries.stream().filter(Delivery::replay).count();
            batches += plan.deliveries.stream().filter(d -> d.batch && !d.replay).count();
            eventsSent += plan.deliveries.stream().mapToInt(d -> d.eventKeys.size()).sum();
            distinct += plan.distinctEvents();
            eventItems += events;
            received += webhooksReceived;
            ticketItems += tickets;
            attempts += all.size();
            retries += all.stream().filter(a -> a.number > 1).count();
            failures += failed;
            unexplained += unexplainedFailures;
            gaveUp += gaveUpDeliveries;
            wrongAnswers += wrong;
            layoutProblems += malformed;
            ticketProblems += ticketsOff;
            calls += stats.getOrDefault("calls", 0L);
            storeMillis += stats.getOrDefault("forwardMillis", 0L);
            all.forEach(a -> statuses.merge(a.status, 1L, Long::sum));
            all.forEach(a -> latencies.add((a.endNanos - a.startNanos) / 1_000_000));
            for (Fault fault : Fault.values()) {
                faults.merge(fault.name(), stats.getOrDefault("fault." + fault, 0L), Long::sum);
            }
            injected.forEach(f -> faultsByOperation.merge(f.operation() + " " + f.kind(), 1L, Long::sum));
            stats.forEach((name, value) -> {
                if (name.startsWith("calls.")) {
                    callsByOperation.merge(name.substring("calls.".length()), value, Long::sum);
                }
            });
        }
    }

    private static void writeReport(Totals totals, List<String> problems) throws IOException {
        List<Long> latencies = new ArrayList<>(totals.latencies);
        Collections.sort(latencies);
        long faultsTotal = totals.faults.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder text = new StringBuilder();
        text.append("# Webhook deliveries under DynamoDB faults\n\n");
        text.append("- run: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append('\n');
        text.append("- parameters: deliveries=").append(DELIVERIES).append(", senders=").append(SENDERS)
                .append(", fault rate=").append(FAULT_RATE).append(", seed=").append(SEED)
                .append(", deliveries per round=").append(ROUND).append(", max attempts=").append(MAX_ATTEMPTS).append('\n');
        text.append("- duration: ").append(String.format("%.1f s", totals.took.toMillis() / 1000.0)).append(" for ")
                .append(totals.rounds).append(" round(s), checks and clean-up included (")
                .append(String.format("%.1f", totals.sent * 1000.0 / Math.max(1, totals.took.toMillis())))
                .append(" deliveries/s)\n");
        text.append("- result: ").append(problems.isEmpty() ? "every check passed" : problems.size() + " problem(s), listed below")
                .append("\n\n");
        text.append("| figure | value |\n| --- | --- |\n");
        row(text, "deliveries planned / sent", totals.planned + " / " + totals.sent);
        row(text, "of which exact replays of an earlier delivery", totals.replays);
        row(text, "of which batches of 2-10 events", totals.batches);
        row(text, "events sent (replays and re-sent events included)", totals.eventsSent);
        row(text, "distinct events", totals.distinct);
        row(text, "EVENT# items stored", totals.eventItems);
        row(text, "webhooksReceived on the connections", totals.received);
        row(text, "TICKET# items", totals.ticketItems);
        row(text, "tickets not at their newest change", totals.ticketProblems);
        row(text, "malformed items", totals.layoutProblems);
        row(text, "HTTP attempts", totals.attempts);
        row(text, "retries (Halo-style, after a 5xx or a broken connection)", totals.retries);
        row(text, "answers by status (0 = no answer)", totals.statuses);
        row(text, "5xx answers and broken connections", totals.failures);
        row(text, "of which without an injected fault in flight", totals.unexplained);
        row(text, "deliveries given up after " + MAX_ATTEMPTS + " attempts", totals.gaveUp);
        row(text, "answers not fitting their delivery", totals.wrongAnswers);
        row(text, "DynamoDB calls through the fault proxy (SDK retries included)", totals.calls);
        row(text, "DynamoDB calls by operation", totals.callsByOperation);
        row(text, "time the fault proxy waited for the store (serialising proxy + moto), ms per forwarded call",
                String.format("%.1f", totals.storeMillis / (double) Math.max(1, totals.calls - totals.faults.values().stream()
                        .mapToLong(Long::longValue).sum() + totals.faults.getOrDefault("RESET_AFTER", 0L))));
        row(text, "faults injected", faultsTotal
                + String.format(" (%.2f%% of calls)", totals.calls == 0 ? 0 : faultsTotal * 100.0 / totals.calls));
        totals.faults.forEach((kind, count) -> row(text, "faults: " + kind, count));
        row(text, "faults by operation and kind", totals.faultsByOperation);
        row(text, "attempt latency p50 / p95 / p99 / max in ms (queueing at the one-at-a-time event server included)",
                percentile(latencies, 50) + " / " + percentile(latencies, 95) + " / " + percentile(latencies, 99) + " / "
                        + (latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1)));
        if (!problems.isEmpty()) {
            text.append("\n## Problems\n\n");
            problems.stream().limit(200).forEach(p -> text.append("- ").append(p).append('\n'));
        }
        Files.createDirectories(REPORT.toAbsolutePath().getParent());
        Files.writeString(REPORT, text.toString());
        System.out.println(text);
    }

    private static void row(StringBuilder text, String name, Object value) {
        text.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** The deliveries of one run, made from a seed, and what they say in total. */
    static final class Plan {
        final List<Delivery> deliveries = new ArrayList<>();
        final List<Change> changes = new ArrayList<>();
        final Set<String> eventIds = new LinkedHashSet<>();
        private final Set<String> distinct = new HashSet<>();
        private final List<String> singleEvents = new ArrayList<>();
        private final List<List<String>> singleEventKeys = new ArrayList<>();

        static Plan make(int count, Random random) {
            Plan plan = new Plan();
            for (int i = 0; i < count; i++) {
                double draw = random.nextDouble();
                if (draw < 0.05 && !plan.deliveries.isEmpty()) {
                    Delivery original = plan.deliveries.get(random.nextInt(plan.deliveries.size()));
                    plan.deliveries.add(new Delivery(i, original.body, original.eventKeys, true, original.batch));
                } else if (draw < 0.10) {
                    int size = 2 + random.nextInt(9);
                    List<String> bodies = new ArrayList<>();
                    List<String> keys = new ArrayList<>();
                    for (int e = 0; e < size; e++) {
                        if (random.nextDouble() < 0.2 && !plan.singleEvents.isEmpty()) {
                            int earlier = random.nextInt(plan.singleEvents.size());
                            bodies.add(plan.singleEvents.get(earlier));
                            keys.addAll(plan.singleEventKeys.get(earlier));
                        } else {
                            String[] event = plan.freshEvent(random);
                            bodies.add(event[0]);
                            keys.add(event[1]);
                        }
                    }
                    plan.deliveries.add(new Delivery(i, "[" + String.join(",", bodies) + "]", keys, false, true));
                } else {
                    String[] event = plan.freshEvent(random);
                    plan.singleEvents.add(event[0]);
                    plan.singleEventKeys.add(List.of(event[1]));
                    plan.deliveries.add(new Delivery(i, event[0], List.of(event[1]), false, false));
                }
            }
            return plan;
        }

        int distinctEvents() {
            return distinct.size();
        }

        /** A new event: its JSON and its dedup key (the id, or the JSON itself for an id-less event). */
        private String[] freshEvent(Random random) {
            String ticketId = Integer.toString(100_000 + random.nextInt(TICKETS));
            Instant at = FIRST_CHANGE.plusMillis((long) (random.nextDouble() * Duration.ofDays(20).toMillis()));
            String time = at.toString();
            boolean withData = random.nextDouble() < 0.6;
            boolean withId = random.nextDouble() >= 0.1;
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            StringBuilder json = new StringBuilder("{");
            if (withId) {
                json.append("\"id\":\"").append(id).append("\",");
            }
            json.append("\"webhook_id\":\"wh-faults\",\"event\":\"").append(withData ? "ticket updated" : "ticket action added")
                    .append("\",\"object_id\":").append(random.nextBoolean() ? ticketId : "\"" + ticketId + "\"")
                    .append(",\"timestamp\":\"").append(time).append('"');
            if (!withId) {
                json.append(",\"nonce\":\"").append(id).append('"');
            }
            if (withData) {
                json.append(",\"ticket\":{\"id\":").append(ticketId).append(",\"summary\":\"change ").append(id)
                        .append("\",\"status_id\":").append(1 + random.nextInt(9)).append(",\"agent_id\":")
                        .append(random.nextInt(20)).append(",\"last_update\":\"").append(time).append("\"}");
            }
            json.append('}');
            String key = withId ? id : json.toString();
            distinct.add(key);
            if (withId) {
                eventIds.add(id);
            }
            changes.add(new Change(ticketId, at.truncatedTo(ChronoUnit.MILLIS), withData));
            return new String[] {json.toString(), key};
        }
    }
}
