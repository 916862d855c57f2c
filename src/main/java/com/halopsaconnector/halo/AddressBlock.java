package com.halopsaconnector.halo;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A CIDR block such as {@code 10.0.0.0/8} or {@code 2002::/16}. */
record AddressBlock(byte[] prefix, int bits) {

    /** @param cidr an address literal and a prefix length; literals never cause a DNS lookup */
    static AddressBlock parse(String cidr) {
        int slash = cidr.indexOf('/');
        try {
            byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            return new AddressBlock(prefix, Integer.parseInt(cidr.substring(slash + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address block: " + cidr, e);
        }
    }

    boolean contains(byte[] address) {
        if (address.length != prefix.length) {
            return false;
        }
        int wholeBytes = bits / 8;
        for (int i = 0; i < wholeBytes; i++) {
            if (address[i] != prefix[i]) {
                return false;
            }
        }
        int restBits = bits % 8;
        if (restBits == 0) {
            return true;
        }
        int mask = (0xff << (8 - restBits)) & 0xff;
        return (address[wholeBytes] & mask) == (prefix[wholeBytes] & mask);
    }
}
