package org.clinicalsenate.notification.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may be sent: an {@code https} URL (plain {@code http} only where configuration
 * allows it) whose host is not inside: no private (RFC 1918, unique local, shared CGNAT), loopback,
 * link-local (cloud metadata at 169.254.169.254 included), unspecified or multicast address, loopback
 * only where configuration allows it. Checked when an endpoint is saved, and before each delivery
 * on the addresses the host resolves to then (a name that resolved outside when saved may resolve
 * inside later: DNS rebinding).
 */
public final class UrlSafety {

    /** Resolves a host name to its addresses (the system resolver; a test's own). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A URL that may not be used, and why in words. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final boolean allowHttp;
    private final boolean allowLoopback;
    private final Resolver resolver;

    public UrlSafety(boolean allowHttp, boolean allowLoopback, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    public static UrlSafety system(boolean allowHttp, boolean allowLoopback) {
        return new UrlSafety(allowHttp, allowLoopback, InetAddress::getAllByName);
    }

    /**
     * The URL as it may be saved: its scheme and host, and the addresses its host resolves to now
     * (a host that does not resolve yet is accepted: each delivery checks again).
     */
    public URI checkSaved(String url) throws Refused {
        URI uri = parse(url);
        try {
            check(uri.getHost(), resolver.resolve(uri.getHost()));
        } catch (UnknownHostException e) {
            // not resolvable now: each delivery resolves and checks it again
        }
        return uri;
    }

    /** Before a delivery: the addresses the host resolves to now must all be outside. */
    public void checkDelivery(URI uri) throws Refused {
        parse(uri.toString());
        try {
            check(uri.getHost(), resolver.resolve(uri.getHost()));
        } catch (UnknownHostException e) {
            throw new Refused("the host " + uri.getHost() + " does not resolve");
        }
    }

    private URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("is not a valid URL");
        }
        String scheme = Optional.ofNullable(uri.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new Refused(allowHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Refused("has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not have a fragment");
        }
        return uri;
    }

    private void check(String host, InetAddress[] addresses) throws Refused {
        for (InetAddress address : addresses) {
            Optional<String> inside = inside(address);
            if (inside.isPresent()) {
                throw new Refused("points inside: " + host + " is " + address.getHostAddress() + ", " + inside.get());
            }
        }
    }

    /** Why an address may not be a webhook's destination, if it may not. */
    Optional<String> inside(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("a loopback address");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("an unspecified address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address (cloud metadata services live there)");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || (first == 255 && second == 255)) {
                return Optional.of("not a host's address");
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return Optional.of("a shared (carrier-grade NAT) address");
            }
        }
        if (address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
            return Optional.of("a private (unique local) address");
        }
        return Optional.empty();
    }
}
