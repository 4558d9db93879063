package org.clinicalsenate.benchmark;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The benchmark writes straight into databases and floods services with requests: it refuses any
 * address that is not this machine's loopback, whatever it is told.
 */
final class Loopback {

    private static final Set<String> HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    private Loopback() {
    }

    static boolean isLoopback(String host) {
        return host != null && HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }

    /** An http(s) URL on loopback, returned as given; otherwise IllegalArgumentException. */
    static String requireHttp(String url) {
        URI uri = URI.create(url);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("not a loopback http URL: " + url + " (the benchmark only runs on this machine)");
        }
        return url;
    }

    /** The port of an http or jdbc:postgresql URL (PostgreSQL's 5432 when it names none). */
    static int port(String url) {
        String plain = url.startsWith("jdbc:") ? url.substring(5) : url;
        URI uri = URI.create(plain);
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return plain.startsWith("postgresql:") ? 5432 : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /** A {@code jdbc:postgresql://host:port/...} URL on loopback; otherwise IllegalArgumentException. */
    static String requireJdbc(String url) {
        String prefix = "jdbc:postgresql://";
        if (!url.startsWith(prefix)) {
            throw new IllegalArgumentException("not a jdbc:postgresql:// URL: " + url);
        }
        // several hosts (failover syntax) are refused: only one, on loopback
        URI uri = URI.create("postgresql://" + url.substring(prefix.length()));
        if (uri.getHost() == null || url.substring(prefix.length()).split("/", 2)[0].contains(",")
                || !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("not a database on this machine: " + url
                    + " (the benchmark never touches a database that is not on localhost)");
        }
        return url;
    }
}
