package com.halopsaconnector.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

/** Steers the {@link FaultInjectingProxy} of {@link FaultyStoreEnvironment} through its control paths. */
public final class FaultProxyControl {

    /** One injected fault: when ({@link System#nanoTime()}), on which DynamoDB operation, of which kind. */
    public record InjectedFault(long atNanos, String operation, FaultInjectingProxy.Fault kind) {
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    private FaultProxyControl(int port) {
        this.base = "http://127.0.0.1:" + port + FaultInjectingProxy.CONTROL_PREFIX;
    }

    public static FaultProxyControl fromConfig() {
        return new FaultProxyControl(ConfigProvider.getConfig().getValue(FaultyStoreEnvironment.FAULT_PROXY_PORT, Integer.class));
    }

    /** From now on each DynamoDB call fails with chance {@code rate}; counters and log start anew. */
    public void enable(double rate, long seed) {
        send("POST", "enable?rate=" + rate + "&seed=" + seed);
    }

    public void disable() {
        send("POST", "disable");
    }

    /** Counters since {@link #enable}: calls, forwarded, fault.KIND, calls.OPERATION. */
    public Map<String, Long> stats() {
        Map<String, Long> stats = new LinkedHashMap<>();
        for (String line : send("GET", "stats").split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("rate=")) {
                stats.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
            }
        }
        return stats;
    }

    public List<InjectedFault> log() {
        List<InjectedFault> faults = new ArrayList<>();
        for (String line : send("GET", "log").split("\n")) {
            if (!line.isBlank()) {
                String[] parts = line.split(",");
                faults.add(new InjectedFault(Long.parseLong(parts[0]), parts[1], FaultInjectingProxy.Fault.valueOf(parts[2])));
            }
        }
        return faults;
    }

    private String send(String method, String action) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + action))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("fault proxy answered " + response.statusCode() + " to " + action);
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
