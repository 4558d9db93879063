package org.clinicalsenate.commons.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.clinicalsenate.commons.problem.ProblemType;
import org.clinicalsenate.commons.problem.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;

/**
 * The HTTP edge, before any routing, security or body reading: requests over the platform's limits
 * (URI, header section, declared body size) and URLs with malformed percent-encoding are refused
 * with an RFC 9457 problem, and every refusal the HTTP framework itself makes after that (no Host,
 * a failure outside the REST layer) becomes a problem too. Vert.x's own parser limits are set well
 * above these (application.properties), so only requests beyond those outer limits get Vert.x's
 * bare answer.
 */
@ApplicationScoped
public class HttpEdge {

    private static final Logger LOG = Logger.getLogger(HttpEdge.class);

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "senate.http.max-uri-length", defaultValue = "4096")
    int maxUriLength;

    @ConfigProperty(name = "senate.http.max-header-size", defaultValue = "20K")
    MemorySize maxHeaderSize;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void install(@Observes Router router) {
        // before Quarkus' own body-size check (order -2) and every other route
        router.route().order(Integer.MIN_VALUE + 10).handler(this::limits);
        router.route().order(Integer.MIN_VALUE + 10).failureHandler(this::failure);
        // a body of undeclared length (chunked) is read here, within the limit, so that one too large
        // is refused with a problem too (a declared length was checked above)
        router.route().order(Integer.MIN_VALUE + 11).handler(rc -> {
            if (rc.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null
                    && rc.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null && maxBodySize.isPresent()) {
                BodyHandler.create(false).setBodyLimit(maxBodySize.get().asLongValue()).handle(rc);
            } else {
                rc.next();
            }
        });
        // failures raised before any route matched (e.g. a path that cannot be decoded)
        for (int status = 400; status < 600; status++) {
            router.errorHandler(status, this::failure);
        }
    }

    private void limits(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (request.uri().length() > maxUriLength) {
            refuse(rc, ProblemType.URI_TOO_LONG, "The URI is longer than " + maxUriLength + " characters", true);
            return;
        }
        long headerSize = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerSize += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerSize > maxHeaderSize.asLongValue()) {
            refuse(rc, ProblemType.HEADER_FIELDS_TOO_LARGE,
                    "The request headers are larger than " + maxHeaderSize.asLongValue() + " bytes", true);
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && maxBodySize.isPresent()) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared < 0) {
                refuse(rc, ProblemType.MALFORMED_REQUEST, "Content-Length is not a number of bytes", true);
                return;
            }
            if (declared > maxBodySize.get().asLongValue()) {
                refuse(rc, ProblemType.PAYLOAD_TOO_LARGE,
                        "The body is larger than " + maxBodySize.get().asLongValue() + " bytes", true);
                return;
            }
        }
        if (!wellEncoded(request.path()) || (request.query() != null && !wellEncoded(request.query()))) {
            refuse(rc, ProblemType.MALFORMED_REQUEST,
                    "The URL has malformed percent-encoding (each % must start an escape of UTF-8 bytes)", false);
            return;
        }
        rc.next();
    }

    /** Every %XX is two hex digits, and the bytes they stand for are UTF-8. */
    static boolean wellEncoded(String part) {
        if (part == null || part.indexOf('%') < 0) {
            return true;
        }
        ByteBuffer bytes = ByteBuffer.allocate(part.length() * 4);
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length() || Character.digit(part.charAt(i + 1), 16) < 0
                        || Character.digit(part.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.put((byte) Integer.parseInt(part.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A failure that left the REST layer's exception mappers (or never reached them). */
    private void failure(RoutingContext rc) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        Throwable failure = rc.failure();
        // before the REST layer an IllegalArgumentException is a request that cannot be parsed (as
        // Vert.x itself has it), e.g. a chunked body with a malformed chunk size
        int status = rc.statusCode() > 0 ? rc.statusCode()
                : failure instanceof HttpException http ? http.getStatusCode()
                : failure instanceof IllegalArgumentException ? 400 : 500;
        if (status < 400 || status > 599) {
            status = 500;
        }
        if (status >= 500) {
            String correlationId = UUID.randomUUID().toString();
            LOG.errorf(failure, "Unexpected error [correlationId=%s] on %s", correlationId, rc.request().path());
            write(rc, ProblemType.INTERNAL, status, "Something went wrong on our side; quote the correlation id",
                    correlationId, false);
            return;
        }
        ProblemType type = switch (status) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            default -> ProblemType.forStatus(status);
        };
        write(rc, type, status, detail(status), null, false);
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The HTTP request is malformed (e.g. no Host header, or a path that cannot be decoded)";
            case 404 -> "No resource at this path";
            case 405 -> "This path does not support the method";
            case 406 -> "None of the accepted media types can be produced";
            case 413 -> "The body is too large";
            case 414 -> "The URI is too long";
            case 415 -> "The content type is not supported here";
            case 431 -> "The request headers are too large";
            default -> "The request was refused (HTTP " + status + ")";
        };
    }

    private void refuse(RoutingContext rc, ProblemType type, String detail, boolean close) {
        write(rc, type, type.status, detail, null, close);
    }

    private void write(RoutingContext rc, ProblemType type, int status, String detail, String correlationId,
            boolean close) {
        String body;
        try {
            body = json.writeValueAsString(Problems.problem(type, status, detail, safePath(rc), List.of(), List.of(),
                    correlationId));
        } catch (JsonProcessingException e) {
            body = "{\"type\":\"" + type.uri + "\",\"title\":\"" + type.title + "\",\"status\":" + status + "}";
        }
        var response = rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE);
        if (close) {
            // the body (or the rest of the request) is not read: the connection cannot be reused
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.endHandler(v -> rc.request().connection().close());
        }
        response.end(body);
    }

    /** The request path for the problem's instance, when it is short and printable. */
    private static String safePath(RoutingContext rc) {
        String path = rc.request().path();
        if (path == null || path.length() > 256) {
            return null;
        }
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) < 0x20 || path.charAt(i) >= 0x7f) {
                return null;
            }
        }
        return path;
    }
}
