package org.clinicalsenate.testing.badinput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.clinicalsenate.testing.Api;
import org.clinicalsenate.testing.Sql;
import org.clinicalsenate.testing.Tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The contract-driven bad-input test: for every operation of the contract the service serves, bad
 * requests generated from its schemas ({@link Cases}), sent through {@link Api#invalid} so that
 * each response is still validated against the contract. It asserts that no request is answered
 * with anything but a 4xx RFC 9457 problem whose status is the HTTP status and one the operation
 * declares (401 for a forged token, 428 without If-Match, 400 naming the field for control
 * characters and bad dates), and that no rejected request stored anything: every table of the
 * service's database, its audit log and outbox included, has the same rows after each operation's
 * requests as before. Then the HTTP edge: over-long URI and headers, too large a body, malformed
 * percent-encoding, unknown paths and methods, unacceptable media types are problems too.
 * Deterministic for a seed ({@code -Dsenate.bad-input.seed}); prints the seed and what it sent.
 *
 * <pre>
 * BadInput.ofServedContract(dataSource)
 *         .pathValue("memberId", member.toString())
 *         .token("member", () -> Tokens.member(member.toString()))
 *         .requests(5000)
 *         .run();
 * </pre>
 */
public final class BadInput {

    private static final long DEFAULT_SEED = 20261205L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource database;
    private final List<Operation> operations;
    private final Map<String, String> pathValues = new HashMap<>();
    private final Map<String, Function<String, String>> tokens = new HashMap<>();
    private final Map<String, String> bodies = new HashMap<>();
    private int requests = 1000;
    private long seed = Long.getLong("senate.bad-input.seed", DEFAULT_SEED);

    private BadInput(DataSource database, String contract) {
        this.database = database;
        this.operations = Operation.all(contract);
        tokens.put("platform-admin", role -> Tokens.platformAdmin());
        tokens.put("assurance-viewer", role -> Tokens.assuranceViewer());
    }

    /** For the contract on the test class path (META-INF/openapi.yaml), on the service's database. */
    public static BadInput ofServedContract(DataSource database) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
            return new BadInput(database, new String(Objects.requireNonNull(in, "META-INF/openapi.yaml").readAllBytes(),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of a path parameter in valid requests: an existing record, so that only the fault is wrong. */
    public BadInput pathValue(String name, String value) {
        pathValues.put(name, value);
        return this;
    }

    /** A token for a role (platform-admin is used wherever an operation allows it). */
    public BadInput token(String role, java.util.function.Supplier<String> token) {
        tokens.put(role, r -> token.get());
        return this;
    }

    /** A valid body for an operation, instead of the one built from the contract's example. */
    public BadInput body(String operationId, String json) {
        bodies.put(operationId, json);
        return this;
    }

    /** How many requests at least, shared among the operations (each gets all its deterministic cases). */
    public BadInput requests(int requests) {
        this.requests = requests;
        return this;
    }

    public BadInput seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Sends everything and fails with every finding at once. */
    public Report run() {
        Report report = new Report(seed);
        List<Cases.ForgedToken> forged = forgedTokens();
        int share = (requests + operations.size() - 1) / operations.size();
        List<String> tables = tables();
        for (Operation operation : operations) {
            Cases.Baseline baseline = baseline(operation);
            Random random = new Random(seed ^ operation.id().hashCode());
            List<Case> cases = Cases.of(operation, baseline, forged, random, share);
            Map<String, String> before = snapshot(tables);
            for (Case c : cases) {
                send(operation, c, report);
            }
            Map<String, String> after = snapshot(tables);
            for (String table : tables) {
                if (!Objects.equals(before.get(table), after.get(table))) {
                    report.finding(operation.id(), "stored", "table " + table + " changed: " + before.get(table)
                            + " -> " + after.get(table));
                }
            }
        }
        Edge.check(operations, this::tokenFor, report);
        report.print();
        report.assertClean(requests);
        return report;
    }

    private void send(Operation operation, Case c, Report report) {
        RequestSpecification spec = c.token() == null ? Api.anonymous() : Api.as(c.token());
        spec = Api.invalid(spec).urlEncodingEnabled(false).accept(operation.accept());
        c.headers().forEach(spec::header);
        if (c.body() != null) {
            spec.contentType(c.contentType()).body(c.body());
        }
        Response response;
        try {
            response = spec.request(operation.method(), c.url());
        } catch (AssertionError contract) {
            report.count(operation.id(), c.family(), 0);
            report.finding(operation.id(), c.family(), c.description() + ": " + firstLines(contract.getMessage()));
            return;
        }
        int status = response.statusCode();
        report.count(operation.id(), c.family(), status);
        String problem = Edge.problemError(response, status);
        if (status < 400 || status >= 500) {
            report.finding(operation.id(), c.family(), c.description() + ": answered " + status + " "
                    + Cases.shorten(response.asString()));
        } else if (problem != null) {
            report.finding(operation.id(), c.family(), c.description() + ": " + problem);
        } else if (!operation.declares(status)) {
            report.finding(operation.id(), c.family(), c.description() + ": " + status + " is not declared "
                    + Cases.shorten(response.asString()));
        } else if (c.expectStatus() != null && c.expectStatus() != status) {
            report.finding(operation.id(), c.family(), c.description() + ": expected " + c.expectStatus() + ", got "
                    + status + " " + Cases.shorten(response.asString()));
        } else if (c.expectField() != null) {
            List<String> fields = response.jsonPath().getList("errors.field", String.class);
            if (fields == null || !fields.contains(c.expectField())) {
                report.finding(operation.id(), c.family(), c.description() + ": expected errors[].field "
                        + c.expectField() + ", got " + fields);
            }
        }
    }

    private Cases.Baseline baseline(Operation operation) {
        Map<String, String> values = new LinkedHashMap<>();
        operation.parameters().stream().filter(p -> "path".equals(p.getIn())).forEach(p -> {
            String value = pathValues.get(p.getName());
            if (value == null) {
                throw new IllegalStateException("Give a value of path parameter " + p.getName() + " for "
                        + operation.id() + " with pathValue(...)");
            }
            values.put(p.getName(), value);
        });
        String token = tokenFor(operation);
        boolean ifMatch = operation.parameters().stream()
                .anyMatch(p -> "header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName()));
        JsonNode body = null;
        if (operation.body() != null) {
            try {
                body = bodies.containsKey(operation.id()) ? JSON.readTree(bodies.get(operation.id()))
                        : Cases.conform(operation.body(),
                                operation.bodyExample() == null ? null : JSON.valueToTree(operation.bodyExample()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Cases.Baseline(values, token, ifMatch ? currentETag(operation, values, token) : null, body);
    }

    /** The ETag of the resource a conditional request changes: a GET of its path, or of its parent. */
    private String currentETag(Operation operation, Map<String, String> values, String token) {
        String path = operation.path();
        while (path.lastIndexOf('/') > 0) {
            String candidate = path;
            boolean readable = operations.stream()
                    .anyMatch(o -> o.method().equals("GET") && o.path().equals(candidate));
            if (readable) {
                String url = candidate;
                for (Map.Entry<String, String> value : values.entrySet()) {
                    url = url.replace("{" + value.getKey() + "}", Cases.encode(value.getValue()));
                }
                String etag = (token == null ? Api.anonymous() : Api.as(token)).urlEncodingEnabled(false).get(url)
                        .header("ETag");
                if (etag != null) {
                    return etag;
                }
            }
            path = path.substring(0, path.lastIndexOf('/'));
        }
        return "\"1\"";
    }

    /**
     * The token valid requests carry: platform-admin where allowed, none for a public operation,
     * else one given for a role it allows, else a service account it names ({@code service:<client>}).
     */
    private String tokenFor(Operation operation) {
        List<String> roles = operation.roles();
        if (roles.contains("platform-admin")) {
            return tokens.get("platform-admin").apply("platform-admin");
        }
        if (roles.isEmpty() || roles.contains("anonymous")) {
            return null;
        }
        for (String role : roles) {
            if (tokens.containsKey(role)) {
                return tokens.get(role).apply(role);
            }
        }
        for (String role : roles) {
            if (role.startsWith("service:")) {
                return Tokens.service(role.substring("service:".length()));
            }
        }
        throw new IllegalStateException("Give a token for one of " + roles + " (" + operation.id() + ") with token(...)");
    }

    private static List<Cases.ForgedToken> forgedTokens() {
        String valid = Tokens.platformAdmin();
        String[] parts = valid.split("\\.");
        String flipped = parts[2].charAt(0) == 'A' ? "B" + parts[2].substring(1) : "A" + parts[2].substring(1);
        String unsignedHeader = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return List.of(
                new Cases.ForgedToken("bad signature", parts[0] + "." + parts[1] + "." + flipped),
                new Cases.ForgedToken("no signature (alg none)", unsignedHeader + "." + parts[1] + "."),
                new Cases.ForgedToken("expired", Tokens.expired()),
                new Cases.ForgedToken("wrong issuer", Tokens.fromIssuer("https://issuer.invalid/realms/other")),
                new Cases.ForgedToken("garbage", "garbage"),
                new Cases.ForgedToken("three garbage parts", "a.b.c"),
                new Cases.ForgedToken("payload changed after signing", Tokens.forged()));
    }

    // ---------------------------------------------------------------- the database

    private List<String> tables() {
        return Sql.rows(database, "SELECT table_schema || '.' || table_name AS name FROM information_schema.tables "
                + "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') "
                + "ORDER BY 1").stream().map(row -> (String) row.get("name")).toList();
    }

    /** Per table, its row count and a digest of its rows: any insert, update or delete changes it. */
    private Map<String, String> snapshot(List<String> tables) {
        Map<String, String> snapshot = new TreeMap<>();
        for (String table : tables) {
            var row = Sql.rows(database, "SELECT count(*) AS n, coalesce(md5(string_agg(md5(t::text), '' "
                    + "ORDER BY md5(t::text))), '') AS digest FROM " + table + " t").get(0);
            snapshot.put(table, row.get("n") + " rows " + row.get("digest"));
        }
        return snapshot;
    }

    private static String firstLines(String message) {
        return message == null ? "" : message.lines().limit(4).collect(Collectors.joining(" | "));
    }

    /** What was sent and what was found. */
    public static final class Report {
        private final long seed;
        private final Map<String, Map<String, Integer>> counts = new TreeMap<>();
        private final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        private final List<String> findings = new ArrayList<>();
        private int total;

        Report(long seed) {
            this.seed = seed;
        }

        void count(String operation, String family, int status) {
            counts.computeIfAbsent(operation, o -> new TreeMap<>()).merge(family, 1, Integer::sum);
            statuses.computeIfAbsent(operation, o -> new TreeMap<>()).merge(status, 1, Integer::sum);
            total++;
        }

        void finding(String operation, String family, String what) {
            findings.add(operation + " [" + family + "] " + what);
        }

        public int total() {
            return total;
        }

        public List<String> findings() {
            return List.copyOf(findings);
        }

        void print() {
            StringBuilder out = new StringBuilder("\nBad-input run: seed " + seed + " (-Dsenate.bad-input.seed=" + seed
                    + " repeats it), " + total + " requests\n");
            counts.forEach((operation, families) -> out.append(String.format("  %-34s %5d  %s  statuses %s%n", operation,
                    families.values().stream().mapToInt(Integer::intValue).sum(), families, statuses.get(operation))));
            out.append(findings.size()).append(" findings\n");
            findings.stream().limit(200).forEach(f -> out.append("  ").append(f).append('\n'));
            System.out.println(out);
        }

        void assertClean(int atLeast) {
            if (!findings.isEmpty()) {
                throw new AssertionError(findings.size() + " bad requests were not refused as the contract says "
                        + "(seed " + seed + "):\n  " + String.join("\n  ", findings.subList(0, Math.min(50, findings.size()))));
            }
            if (total < atLeast) {
                throw new AssertionError("Only " + total + " requests were sent, fewer than " + atLeast);
            }
        }
    }
}
