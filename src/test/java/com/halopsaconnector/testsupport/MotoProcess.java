package com.halopsaconnector.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * moto's server as the tests' DynamoDB and KMS. Uses {@code MOTO_ENDPOINT} when set (CI starts one),
 * otherwise starts {@code moto_server} on a free loopback port and stops it afterwards.
 */
public final class MotoProcess {

    private final Process process;
    private final String endpoint;

    private MotoProcess(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static MotoProcess startOrReuse() {
        String given = System.getenv("MOTO_ENDPOINT");
        if (given != null && !given.isBlank()) {
            return new MotoProcess(null, given);
        }
        return start();
    }

    /** A moto server of the caller's own, whatever {@code MOTO_ENDPOINT} says. */
    public static MotoProcess start() {
        int port = freePort();
        try {
            Process process = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(new File("target/moto-" + port + ".log"))
                    .start();
            String endpoint = "http://127.0.0.1:" + port;
            awaitReady(endpoint, process);
            return new MotoProcess(process, endpoint);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start moto_server (is moto installed? see README)", e);
        }
    }

    public String endpoint() {
        return endpoint;
    }

    public void stop() {
        if (process != null) {
            process.destroy();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitReady(String endpoint, Process process) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited early; see target/moto-*.log");
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint + "/moto-api/").toURL().openConnection();
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() > 0) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("moto_server did not answer within 30 s");
    }
}
