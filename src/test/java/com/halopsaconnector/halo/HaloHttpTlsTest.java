package com.halopsaconnector.halo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;

/**
 * A call connected to the checked address still speaks TLS to the host named in the URL: SNI and
 * the Host header carry that name, and the certificate must be valid for it. The server listens on
 * 127.0.0.1 only, and its certificate names only {@value #HOST}; the test resolver sends both names
 * below to 127.0.0.1.
 */
class HaloHttpTlsTest {

    static final String HOST = "halo.example.test";
    static final String OTHER_HOST = "other.example.test";
    static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;

    static Vertx vertx;
    static HttpServer server;
    static HaloHttp http;

    @BeforeAll
    static void start() throws Exception {
        Path keystore = selfSignedKeystore();
        PfxOptions pfx = new PfxOptions().setPath(keystore.toString()).setPassword(PASSWORD);
        vertx = Vertx.vertx();
        server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setSni(true).setKeyCertOptions(pfx))
                .requestHandler(request -> request.response().end(
                        "sni=" + request.connection().indicatedServerName() + " host=" + request.getHeader("Host")))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        http = trusting(pfx);
    }

    @AfterAll
    static void stop() {
        http.close();
        vertx.close();
    }

    @Test
    void theConnectionGoesToTheCheckedAddress_withSniHostHeaderAndCertificateForTheUrlsHost() {
        HaloReply reply = http.send(request(HOST));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("sni=" + HOST + " host=" + HOST + ":" + server.actualPort());
    }

    @Test
    void aCertificateThatDoesNotNameTheUrlsHost_isRefused() {
        assertThatThrownBy(() -> http.send(request(OTHER_HOST)))
                .isInstanceOf(HaloUnreachableException.class)
                .hasMessage("Halo could not be reached at " + OTHER_HOST + ":" + server.actualPort()
                        + "; check the URL and that Halo is online");
    }

    private static HaloRequest request(String host) {
        URI uri = URI.create("https://" + host + ":" + server.actualPort() + "/api/Tickets");
        return HaloRequest.get(uri, "Bearer test-token", Duration.ofSeconds(5));
    }

    /** HaloHttp as the application builds it, trusting the test certificate besides the JVM's. */
    private static HaloHttp trusting(PfxOptions certificate) {
        HaloHttp trusting = new HaloHttp() {
            @Override
            HttpClientOptions clientOptions() {
                return super.clientOptions().setTrustOptions(certificate);
            }
        };
        trusting.connectTimeout = Duration.ofSeconds(2);
        trusting.readTimeout = Duration.ofSeconds(3);
        trusting.vertx = vertx;
        trusting.guard = new HaloUrlGuard();
        trusting.guard.allowInsecure = true;
        trusting.guard.resolver = new HostResolver() {
            @Override
            public List<InetAddress> resolve(String name) {
                return List.of(InetAddress.getLoopbackAddress());
            }
        };
        return trusting;
    }

    private static Path selfSignedKeystore() throws IOException, InterruptedException {
        Path keystore = dir.resolve("halo.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "halo", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + HOST, "-ext", "SAN=dns:" + HOST, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD)
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(process.exitValue()).as("keytool: " + Files.readString(dir.resolve("keytool.log"))).isZero();
        return keystore;
    }
}
