package com.halopsaconnector.lambdaruntime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One started function process and the Runtime API it polls; closing it stops the process. */
public final class LambdaFunction implements AutoCloseable {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final RuntimeApi api;
    private final long startedNanos;
    private final Path log;

    LambdaFunction(Process process, RuntimeApi api, long startedNanos, Path log) {
        this.process = process;
        this.api = api;
        this.startedNanos = startedNanos;
        this.log = log;
    }

    /** Sends one API Gateway event and waits for the function's answer. */
    public HttpApiEvent.Response call(HttpApiEvent event) {
        InvocationResult result = invoke(event.toJson());
        if (result.failed()) {
            throw new IllegalStateException("The function reported an error (" + result.errorType() + "): " + result.body()
                    + "\n" + logTail());
        }
        return HttpApiEvent.Response.parse(result.body());
    }

    /** Like {@link #call}, failing with the function's log unless the answer has one of {@code statuses}. */
    public HttpApiEvent.Response callExpecting(HttpApiEvent event, int... statuses) {
        return HttpApiEvent.Response.parse(invokeExpecting(event.toJson(), statuses).body());
    }

    /**
     * Sends one event (an API Gateway event or another, such as the schedule's) and fails with the
     * function's log unless the runtime posted an answer whose status is one of {@code statuses}.
     */
    public InvocationResult invokeExpecting(String event, int... statuses) {
        InvocationResult result = invoke(event);
        int status = result.failed() ? -1 : HttpApiEvent.Response.parse(result.body()).statusCode();
        if (Arrays.stream(statuses).noneMatch(expected -> expected == status)) {
            throw new IllegalStateException("expected " + Arrays.toString(statuses) + " but got "
                    + (result.failed() ? "an error (" + result.errorType() + ")" : status) + ": " + result.body() + "\n" + logTail());
        }
        return result;
    }

    /** Sends one event and waits for the runtime's answer, failing early if the process dies or cannot initialise. */
    public InvocationResult invoke(String event) {
        CompletableFuture<InvocationResult> answer = api.enqueue(event, ANSWER_TIMEOUT);
        long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                return answer.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                if (api.initError().isDone()) {
                    throw new IllegalStateException("The function could not initialise: " + api.initError().join() + "\n" + logTail());
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("The function exited with " + process.exitValue() + "\n" + logTail());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        throw new IllegalStateException("No answer within " + ANSWER_TIMEOUT.toSeconds() + " s\n" + logTail());
    }

    /** When the process was started ({@link System#nanoTime()}). */
    public long startedNanos() {
        return startedNanos;
    }

    /** The process's peak resident set size so far (VmHWM), in KiB. */
    public long peakRssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("No VmHWM for process " + process.pid());
    }

    public Path log() {
        return log;
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "--- last lines of " + log + " ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Waits for the process to end by itself; its exit code, or -1 if it is still running. */
    public int waitForExit(Duration wait) throws InterruptedException {
        return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** Stops the process as Lambda does at shutdown (SIGTERM), waiting for it to exit; returns its exit code. */
    public int stop(Duration wait) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        api.close();
        return process.exitValue();
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                stop(Duration.ofSeconds(20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            api.close();
        }
    }
}
