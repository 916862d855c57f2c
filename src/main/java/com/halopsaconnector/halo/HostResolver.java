package com.halopsaconnector.halo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** Name resolution for Halo hosts, in one place so that every answer passes the URL guard. */
@ApplicationScoped
public class HostResolver {

    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
