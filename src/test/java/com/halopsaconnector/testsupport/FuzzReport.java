package com.halopsaconnector.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.halopsaconnector.testsupport.FuzzPayloads.FuzzCase;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;

/** Tallies a fuzz run (answers by generator family, cases left out, problems) and writes it as Markdown. */
public final class FuzzReport {

    /** How long a fuzz request may wait for its answer: the application answers in milliseconds, so this catches a hang, never a slow machine. */
    public static final int ANSWER_TIMEOUT_SECONDS = 60;
    /** RestAssured settings with {@link #ANSWER_TIMEOUT_SECONDS} as connect and read timeout. */
    public static final RestAssuredConfig TIMEOUTS = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", ANSWER_TIMEOUT_SECONDS * 1000)
            .setParam("http.socket.timeout", ANSWER_TIMEOUT_SECONDS * 1000));

    private final String title;
    private final Map<String, Map<Integer, Long>> statusesByFamily = new TreeMap<>();
    private final Map<Integer, Long> statuses = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> facts = new ArrayList<>();
    private final Instant started = Instant.now();
    private long sent;
    private long bytes;

    public FuzzReport(String title) {
        this.title = title;
    }

    public void answered(FuzzCase fuzzCase, int status) {
        sent++;
        bytes += fuzzCase.body().length;
        statuses.merge(status, 1L, Long::sum);
        statusesByFamily.computeIfAbsent(fuzzCase.family(), f -> new TreeMap<>()).merge(status, 1L, Long::sum);
    }

    /**
     * A case that got a wrong answer: noted, and its body kept under target/fuzz-failures/ so it can be
     * sent again by hand ({@code curl --data-binary @file}).
     */
    public void problem(String name, int index, FuzzCase fuzzCase, String what) {
        Path file = Path.of("target", "fuzz-failures", name + "-" + index + ".body");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, fuzzCase.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        problems.add("case " + index + " [" + fuzzCase.family() + ", " + fuzzCase.contentType() + "] " + what + "; body in "
                + file + ": " + fuzzCase.preview());
    }

    public void problem(String what) {
        problems.add(what);
    }

    public void fact(String name, Object value) {
        facts.add("| " + name + " | " + value + " |");
    }

    public List<String> problems() {
        return problems;
    }

    public long sent() {
        return sent;
    }

    public void write(Path path, String parameters) {
        Duration took = Duration.between(started, Instant.now());
        StringBuilder text = new StringBuilder("# ").append(title).append("\n\n");
        text.append("- run: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ").append(System.getProperty("java.version"))
                .append('\n');
        text.append("- parameters: ").append(parameters).append('\n');
        text.append("- duration: ").append(String.format("%.1f s (%.1f cases/s)", took.toMillis() / 1000.0,
                sent * 1000.0 / Math.max(1, took.toMillis()))).append(", checks included\n");
        text.append("- result: ").append(problems.isEmpty() ? "every check passed" : problems.size() + " problem(s), listed below")
                .append("\n\n| figure | value |\n| --- | --- |\n");
        text.append("| cases sent | ").append(sent).append(" |\n");
        text.append("| bytes sent | ").append(bytes).append(" |\n");
        text.append("| answers by status | ").append(statuses).append(" |\n");
        text.append("| 5xx answers | ").append(statuses.entrySet().stream().filter(e -> e.getKey() >= 500)
                .mapToLong(Map.Entry::getValue).sum()).append(" |\n");
        facts.forEach(fact -> text.append(fact).append('\n'));
        text.append("\n| generator family | answers by status |\n| --- | --- |\n");
        statusesByFamily.forEach((family, counts) -> text.append("| ").append(family).append(" | ").append(counts).append(" |\n"));
        if (!problems.isEmpty()) {
            text.append("\n## Problems\n\n");
            problems.stream().limit(100).forEach(p -> text.append("- ").append(p.replace("\n", " ")).append('\n'));
        }
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(text);
    }
}
