package com.halopsaconnector.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/** The JDK's HTTP server on a free loopback port, answering without Nagle's delay. */
public final class LoopbackHttpServers {

    static {
        // Answers go out at once, as Lambda's endpoint and DynamoDB send them. Without it each answer
        // waits for the client's delayed ACK (about 40 ms on loopback), which a benchmark would count
        // as the function's time. Read once, when the JDK's HTTP server is first used in this JVM.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private LoopbackHttpServers() {
    }

    public static HttpServer create() throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    }
}
