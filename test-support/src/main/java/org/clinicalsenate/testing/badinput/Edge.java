package org.clinicalsenate.testing.badinput;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Refusals at the HTTP edge, before any operation: they are RFC 9457 problems like every other
 * answer. Sent without the contract filter (these requests match no operation, or no media type).
 */
final class Edge {

    private Edge() {
    }

    static void check(List<Operation> operations, Function<Operation, String> tokens, BadInput.Report report) {
        Operation read = operations.stream().filter(o -> o.method().equals("GET") && !o.path().contains("{"))
                .findFirst().orElse(operations.get(0));
        Operation write = operations.stream().filter(o -> o.body() != null).findFirst().orElse(null);
        String token = tokens.apply(read);

        expect(report, "URI of 5000 characters", 414,
                spec(token).queryParam("padding", "a".repeat(5000)).get(read.path()));
        expect(report, "30 KB of headers", 431, spec(token).header("X-Padding", "a".repeat(30_000)).get(read.path()));
        // requests no HTTP client library would send: written on the socket (a % without two hex digits
        // is refused by the HTTP parser itself, before the platform: see README)
        expectRaw(report, "percent-encoding of bytes that are not UTF-8 (query)", 400, "GET " + read.path() + "?x=%ff",
                token);
        expectRaw(report, "percent-encoding of bytes that are not UTF-8 (path)", 400, "GET " + read.path() + "/%c3%28",
                token);
        expectRaw(report, "no Host header", 400, "GET " + read.path() + " HTTP/1.1\r\nX-No-Host: true", token);
        expect(report, "unknown path", 404, spec(token).get("/no-such-resource"));
        expect(report, "unknown method", 405, spec(token).request("PATCH", read.path()));
        expect(report, "unacceptable media type", 406, spec(token).accept("application/xml").get(read.path()));
        if (write != null) {
            for (int declared : new int[] { 413, 415 }) {
                if (!write.declares(declared)) {
                    report.finding(write.id(), "edge", "does not declare " + declared + ", which any body can get");
                }
            }
            String writeToken = tokens.apply(write);
            String path = write.path().replaceAll("\\{[^}]+}", "x");
            expect(report, "body over the size limit", 413,
                    spec(writeToken).contentType(write.mediaType()).body(new byte[1_100_000]).post(path));
            expect(report, "unsupported content type", 415,
                    spec(writeToken).contentType("text/plain").body("hello").request(write.method(), path));
        }
    }

    private static RequestSpecification spec(String token) {
        RequestSpecification spec = RestAssured.given().noFilters().urlEncodingEnabled(false).accept("application/json");
        return token == null ? spec : spec.auth().oauth2(token);
    }

    private static void expect(BadInput.Report report, String what, int status, Response response) {
        report.count("(HTTP edge)", "edge", response.statusCode());
        String problem = problemError(response, response.statusCode());
        if (response.statusCode() != status) {
            report.finding("(HTTP edge)", "edge", what + ": expected " + status + ", got " + response.statusCode());
        } else if (problem != null) {
            report.finding("(HTTP edge)", "edge", what + ": " + problem);
        }
    }

    private static void expectRaw(BadInput.Report report, String what, int status, String requestLine, String token) {
        String request = (requestLine.contains(" HTTP/1.1") ? requestLine : requestLine + " HTTP/1.1\r\nHost: localhost")
                + (token == null ? "" : "\r\nAuthorization: Bearer " + token) + "\r\nConnection: close\r\n\r\n";
        report.count("(HTTP edge)", "edge", 0);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headersEnd = answer.indexOf("\r\n\r\n");
            String head = headersEnd < 0 ? answer : answer.substring(0, headersEnd).toLowerCase();
            String body = headersEnd < 0 ? "" : answer.substring(headersEnd + 4);
            int got = Integer.parseInt(answer.substring(9, 12));
            if (got != status) {
                report.finding("(HTTP edge)", "edge", what + ": expected " + status + ", got " + got);
            } else if (!head.contains("content-type: application/problem+json") || !body.contains("\"status\":" + status)) {
                report.finding("(HTTP edge)", "edge", what + ": not a problem: " + Cases.shorten(answer));
            }
        } catch (IOException | RuntimeException e) {
            report.finding("(HTTP edge)", "edge", what + ": " + e);
        }
    }

    /** Why the response is not an RFC 9457 problem for its status, or null when it is one. */
    static String problemError(Response response, int status) {
        String type = response.contentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            return "not a problem (Content-Type " + type + ")";
        }
        try {
            Integer bodyStatus = response.jsonPath().getObject("status", Integer.class);
            if (bodyStatus == null || bodyStatus != status) {
                return "problem status " + bodyStatus + " is not the HTTP status " + status;
            }
            if (response.jsonPath().getString("type") == null || response.jsonPath().getString("title") == null) {
                return "problem without type or title";
            }
        } catch (RuntimeException e) {
            return "problem body is not JSON: " + Cases.shorten(response.asString());
        }
        return null;
    }
}
