package com.halopsaconnector.halo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Tells globally routable unicast addresses from everything else. IPv6 must be global unicast
 * ({@code 2000::/3}) outside the special blocks; an IPv4 address carried inside IPv6 (mapped form)
 * is judged as the IPv4 address it carries. IPv6 forms that reach IPv4 through a translator or a
 * tunnel (NAT64, 6to4, Teredo, IPv4-compatible) are refused outright: what they lead to cannot be
 * judged from here.
 */
final class GlobalUnicast {

    private static final List<AddressBlock> NOT_GLOBAL_IPV4 = blocks(
            "0.0.0.0/8",          // "this network"
            "10.0.0.0/8",         // private
            "100.64.0.0/10",      // carrier-grade NAT
            "127.0.0.0/8",        // loopback
            "169.254.0.0/16",     // link-local, cloud metadata
            "172.16.0.0/12",      // private
            "192.0.0.0/24",       // IETF protocol assignments
            "192.0.2.0/24",       // documentation
            "192.88.99.0/24",     // 6to4 relay anycast
            "192.168.0.0/16",     // private
            "198.18.0.0/15",      // benchmarking
            "198.51.100.0/24",    // documentation
            "203.0.113.0/24",     // documentation
            "224.0.0.0/4",        // multicast
            "240.0.0.0/4");       // reserved, and broadcast 255.255.255.255

    private static final AddressBlock GLOBAL_UNICAST_IPV6 = AddressBlock.parse("2000::/3");
    private static final AddressBlock IPV4_MAPPED = ipv4MappedBlock();
    private static final List<AddressBlock> NOT_GLOBAL_IPV6 = blocks(
            "2001::/23",          // IETF protocol assignments, Teredo 2001::/32 among them
            "2001:db8::/32",      // documentation
            "2002::/16",          // 6to4
            "3fff::/20");         // documentation

    private static final AddressBlock LOOPBACK_IPV4 = AddressBlock.parse("127.0.0.0/8");
    private static final byte[] LOOPBACK_IPV6 = new byte[16];

    static {
        LOOPBACK_IPV6[15] = 1;
    }

    private GlobalUnicast() {
    }

    static boolean isGlobal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return NOT_GLOBAL_IPV4.stream().noneMatch(block -> block.contains(bytes));
        }
        if (IPV4_MAPPED.contains(bytes)) {
            return isGlobal(embeddedIpv4(bytes));
        }
        return GLOBAL_UNICAST_IPV6.contains(bytes) && NOT_GLOBAL_IPV6.stream().noneMatch(block -> block.contains(bytes));
    }

    /** {@code 127.0.0.0/8}, {@code ::1}, or an IPv4 loopback address in mapped form. */
    static boolean isLoopback(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return LOOPBACK_IPV4.contains(bytes);
        }
        return Arrays.equals(bytes, LOOPBACK_IPV6) || IPV4_MAPPED.contains(bytes) && isLoopback(embeddedIpv4(bytes));
    }

    /** Java reads "::ffff:a.b.c.d" as the IPv4 address itself, so this block is built by hand. */
    private static AddressBlock ipv4MappedBlock() {
        byte[] prefix = new byte[16];
        prefix[10] = (byte) 0xff;
        prefix[11] = (byte) 0xff;
        return new AddressBlock(prefix, 96);
    }

    private static InetAddress embeddedIpv4(byte[] ipv6) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(ipv6, 12, 16));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static List<AddressBlock> blocks(String... cidrs) {
        return Arrays.stream(cidrs).map(AddressBlock::parse).toList();
    }
}
