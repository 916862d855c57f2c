package com.halopsaconnector.halo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.domain.HaloCredentials;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;

/**
 * The REST client speaks TLS to the host named in the URL: the certificate must be valid for that
 * name (hostname verification is on), and the Host header carries it. Two servers on 127.0.0.1,
 * both with certificates the test trusts: one names {@value #HOST}, the other only
 * {@value #OTHER_HOST}. (SNI is not asserted: the JDK sends none for a name without a dot such as
 * {@code localhost}, the only name that reaches loopback here without DNS.)
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class HaloTlsTest {

    static final String HOST = "localhost";
    static final String OTHER_HOST = "halo.example.test";
    static final String PASSWORD = "changeit";

    static Path dir;
    static Vertx vertx;
    static HttpServer rightName;
    static HttpServer wrongName;
    static KeyStore trusted;
    static final AtomicReference<String> hostHeader = new AtomicReference<>();

    @Inject
    HaloApiClients clients;

    @Inject
    HaloTokenIssuer tokens;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createDirectories(Path.of("target", "halo-tls-" + UUID.randomUUID()));
        Path forHost = selfSignedKeystore("right", HOST);
        Path forOther = selfSignedKeystore("wrong", OTHER_HOST);
        vertx = Vertx.vertx();
        rightName = listen(forHost);
        wrongName = listen(forOther);
        trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("right", certificateOf(forHost));
        trusted.setCertificateEntry("wrong", certificateOf(forOther));
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    @BeforeEach
    void trustTheTestCertificates() {
        ClientProxy.unwrap(clients).trustStore = trusted;
        hostHeader.set(null);
    }

    @AfterEach
    void trustTheJvmAgain() {
        ClientProxy.unwrap(clients).trustStore = null;
    }

    @Test
    void aCertificateForTheUrlsHost_isAccepted_andTheHostHeaderNamesIt() {
        HaloAccessToken token = tokens.issue(credentials(rightName.actualPort()), Duration.ofSeconds(60));

        assertThat(token.authorizationHeader()).isEqualTo("Bearer tls-token");
        assertThat(hostHeader.get()).isEqualTo(HOST + ":" + rightName.actualPort());
    }

    @Test
    void aTrustedCertificateThatDoesNotNameTheUrlsHost_isRefused_withNothingAnswered() {
        assertThatThrownBy(() -> tokens.issue(credentials(wrongName.actualPort()), Duration.ofSeconds(60)))
                .isInstanceOf(HaloUnreachableException.class)
                .hasMessage("Halo could not be reached at " + HOST + ":" + wrongName.actualPort()
                        + "; check the URL and that Halo is online");
        assertThat(hostHeader.get()).as("no request reached the server").isNull();
    }

    private static HaloCredentials credentials(int port) {
        String base = "https://" + HOST + ":" + port;
        return new HaloCredentials(base + "/auth", base + "/api", null, "client-1",
                "tls-secret-" + UUID.randomUUID(), "all");
    }

    private static HttpServer listen(Path keystore) throws Exception {
        PfxOptions pfx = new PfxOptions().setPath(keystore.toString()).setPassword(PASSWORD);
        return vertx.createHttpServer(new HttpServerOptions().setSsl(true).setKeyCertOptions(pfx))
                .requestHandler(request -> {
                    hostHeader.set(request.getHeader("Host"));
                    request.response().putHeader("Content-Type", "application/json")
                            .end("{\"access_token\":\"tls-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
                })
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private static java.security.cert.Certificate certificateOf(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store.getCertificate("halo");
    }

    private static Path selfSignedKeystore(String name, String host) throws IOException, InterruptedException {
        Path keystore = dir.resolve(name + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path log = dir.resolve(name + "-keytool.log");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "halo", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + host, "-ext", "SAN=dns:" + host, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(process.exitValue()).as("keytool: " + Files.readString(log)).isZero();
        return keystore;
    }
}
