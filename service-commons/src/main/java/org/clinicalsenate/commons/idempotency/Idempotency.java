package org.clinicalsenate.commons.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.clinicalsenate.commons.security.Caller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * {@code Idempotency-Key} for creating POSTs: a retry with the same key and body replays the first
 * response; the same key with another body is 422; a retry racing the first request is 409.
 * <p>
 * The key is claimed in its own short transaction (so a racing duplicate sees it at once), and
 * the response is recorded in the same transaction as the creation itself, so a key is never
 * "completed" without its resource, nor a resource created without completing its key. A failed
 * creation releases the key.
 */
@ApplicationScoped
public class Idempotency {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** A claim older than this is from a crashed request and may be taken over. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    private static final Duration KEPT_FOR = Duration.ofHours(24);

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    /**
     * @param key       the Idempotency-Key header, or null when the client sent none
     * @param operation the operationId, so one key may be used once per operation
     * @param request   the request body, compared with the first request's
     * @param create    the creation; runs in a transaction that also records its response
     */
    public Response execute(String key, String operation, Object request, Supplier<Response> create) {
        if (key == null) {
            return create.get();
        }
        IdempotencyRecord.Key id = new IdempotencyRecord.Key(caller.subject(), operation, key);
        String hash = hash(request);
        Response replay = QuarkusTransaction.requiringNew().call(() -> claim(id, hash));
        if (replay != null) {
            return replay;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Response response = create.get();
                complete(id, response);
                return response;
            });
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> release(id));
            throw e;
        }
    }

    /** Claims the key, or returns the response to replay; throws for a mismatch or a race. */
    private Response claim(IdempotencyRecord.Key id, String hash) {
        int inserted = em.createNativeQuery("""
                INSERT INTO idempotency_record (principal, operation, idempotency_key, request_hash, completed, created_at)
                VALUES (:principal, :operation, :key, :hash, false, now())
                ON CONFLICT DO NOTHING
                """)
                .setParameter("principal", id.principal())
                .setParameter("operation", id.operation())
                .setParameter("key", id.idempotencyKey())
                .setParameter("hash", hash)
                .executeUpdate();
        if (inserted == 1) {
            return null;
        }
        IdempotencyRecord existing = em.find(IdempotencyRecord.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (existing == null) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_IN_PROGRESS,
                    "A request with this Idempotency-Key is being processed; retry shortly");
        }
        if (!existing.requestHash.equals(hash)) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request; use a new key for a new request");
        }
        if (existing.completed) {
            return replay(existing);
        }
        if (existing.createdAt.isBefore(Instant.now(clock).minus(ABANDONED_AFTER))) {
            existing.createdAt = Instant.now(clock);
            return null;
        }
        throw new ProblemException(ProblemType.IDEMPOTENCY_IN_PROGRESS,
                "A request with this Idempotency-Key is being processed; retry shortly");
    }

    private void complete(IdempotencyRecord.Key id, Response response) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, id);
        record.completed = true;
        record.status = response.getStatus();
        record.body = serialize(response.getEntity());
        record.location = response.getHeaderString(HttpHeaders.LOCATION);
        record.etag = response.getHeaderString(HttpHeaders.ETAG);
    }

    private void release(IdempotencyRecord.Key id) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, id);
        if (record != null && !record.completed) {
            em.remove(record);
        }
    }

    private static Response replay(IdempotencyRecord record) {
        Response.ResponseBuilder response = Response.status(record.status)
                .entity(record.body)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(REPLAYED_HEADER, "true");
        if (record.location != null) {
            response.header(HttpHeaders.LOCATION, record.location);
        }
        if (record.etag != null) {
            response.header(HttpHeaders.ETAG, record.etag);
        }
        return response.build();
    }

    @Scheduled(identity = "idempotency-expiry", every = "1h", delayed = "1m")
    void forgetOldKeys() {
        QuarkusTransaction.requiringNew().run(() -> em
                .createQuery("delete from IdempotencyRecord r where r.createdAt < :before")
                .setParameter("before", Instant.now(clock).minus(KEPT_FOR))
                .executeUpdate());
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(serialize(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String serialize(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass(), e);
        }
    }
}
