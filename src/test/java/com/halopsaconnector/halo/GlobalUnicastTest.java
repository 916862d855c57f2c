package com.halopsaconnector.halo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GlobalUnicastTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "0.0.0.0", "0.1.2.3", "10.1.2.3", "100.64.0.1", "100.127.255.254", "127.0.0.1", "127.255.0.1",
        "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.10", "192.88.99.1",
        "192.168.1.1", "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.9", "224.0.0.1",
        "239.255.255.250", "240.0.0.1", "255.255.255.255",
        "::", "::1", "::127.0.0.1", "::8.8.8.8", "::ffff:10.0.0.1", "fe80::1", "fec0::1", "fc00::1", "fd00:ec2::254",
        "ff02::1", "64:ff9b::808:808", "64:ff9b:1::1", "2002:808:808::1", "2001:0:4136:e378::1", "2001:db8::1",
        "2001:2::1", "2001:10::1", "3fff::1", "100::1", "5f00::1",
    })
    void nonGlobalAddresses_areRefused(String literal) {
        assertThat(GlobalUnicast.isGlobal(address(literal))).as(literal).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "8.8.8.8", "1.1.1.1", "52.95.110.1", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1",
        "192.0.1.1", "192.169.0.1", "198.17.255.255", "198.20.0.1", "223.255.255.254",
        "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "2001:200::1", "2001:4860:4860::8888",
    })
    void globalUnicastAddresses_areAllowed(String literal) {
        assertThat(GlobalUnicast.isGlobal(address(literal))).as(literal).isTrue();
    }

    @Test
    void ipv4MappedAddresses_areJudgedByTheIpv4AddressTheyCarry() {
        assertThat(GlobalUnicast.isGlobal(mapped(127, 0, 0, 1))).isFalse();
        assertThat(GlobalUnicast.isLoopback(mapped(127, 0, 0, 1))).isTrue();
        assertThat(GlobalUnicast.isGlobal(mapped(10, 0, 0, 1))).isFalse();
        assertThat(GlobalUnicast.isGlobal(mapped(8, 8, 8, 8))).isTrue();
    }

    @Test
    void onlyLoopbackCountsAsLoopback() {
        assertThat(GlobalUnicast.isLoopback(address("127.0.0.1"))).isTrue();
        assertThat(GlobalUnicast.isLoopback(address("::1"))).isTrue();
        assertThat(GlobalUnicast.isLoopback(address("::127.0.0.1"))).isFalse();
        assertThat(GlobalUnicast.isLoopback(address("10.0.0.1"))).isFalse();
    }

    /** Built by hand: Java turns a mapped literal into the IPv4 address at once, a custom resolver might not. */
    private static InetAddress mapped(int a, int b, int c, int d) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        bytes[12] = (byte) a;
        bytes[13] = (byte) b;
        bytes[14] = (byte) c;
        bytes[15] = (byte) d;
        try {
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
