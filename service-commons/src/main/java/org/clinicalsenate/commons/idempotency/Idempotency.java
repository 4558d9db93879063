package org.clinicalsenate.commons.idempotency;

import java.nio.ByteBuffer;
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
import org.clinicalsenate.commons.scheduling.QuietDuringDatabaseOutage;
import org.clinicalsenate.commons.security.Caller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * {@code Idempotency-Key} for creating POSTs: a retry with the same key and body replays the first
 * response; the same key with another body is 422; a retry while the first request is still
 * running is 409.
 * <p>
 * The key's record is written in the same transaction as the creation, so a key is never
 * "completed" without its resource, nor a resource created without its key; a failed creation
 * leaves nothing behind. That holds even when the database crashes in between: a claim in a
 * transaction of its own would outlive the creation it stood for and refuse every retry as "in
 * progress". A request in progress is told from the others by a transaction-scoped advisory lock
 * on the key, which PostgreSQL releases with the transaction, however that ends.
 */
@ApplicationScoped
public class Idempotency {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

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
        return QuarkusTransaction.requiringNew().call(() -> {
            lock(id);
            IdempotencyRecord first = em.find(IdempotencyRecord.class, id);
            if (first != null && first.completed) {
                if (!first.requestHash.equals(hash)) {
                    throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                            "This Idempotency-Key was used for a different request; use a new key for a new request");
                }
                return replay(first);
            }
            Response response = create.get();
            record(first, id, hash, response);
            return response;
        });
    }

    /** Holds the key until this transaction ends; refuses it while another transaction holds it. */
    private void lock(IdempotencyRecord.Key id) {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", lockId(id))
                .getSingleResult();
        if (!locked) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_IN_PROGRESS,
                    "A request with this Idempotency-Key is being processed; retry shortly");
        }
    }

    /** A 64-bit advisory lock id for the key (a collision only makes a retry wait for another key). */
    private static long lockId(IdempotencyRecord.Key id) {
        byte[] digest = sha256(id.principal() + '\n' + id.operation() + '\n' + id.idempotencyKey());
        return ByteBuffer.wrap(digest).getLong();
    }

    /**
     * Records the response to the key. A record found uncompleted can only be a claim left behind by
     * an earlier version, which claimed keys in a transaction of their own: it is taken over.
     */
    private void record(IdempotencyRecord found, IdempotencyRecord.Key id, String hash, Response response) {
        IdempotencyRecord record = found;
        if (record == null) {
            record = new IdempotencyRecord();
            record.key = id;
        }
        record.requestHash = hash;
        record.createdAt = Instant.now(clock);
        record.completed = true;
        record.status = response.getStatus();
        record.body = serialize(response.getEntity());
        record.location = response.getHeaderString(HttpHeaders.LOCATION);
        record.etag = response.getHeaderString(HttpHeaders.ETAG);
        if (found == null) {
            em.persist(record);
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
    @QuietDuringDatabaseOutage
    void forgetOldKeys() {
        QuarkusTransaction.requiringNew().run(() -> em
                .createQuery("delete from IdempotencyRecord r where r.createdAt < :before")
                .setParameter("before", Instant.now(clock).minus(KEPT_FOR))
                .executeUpdate());
    }

    private String hash(Object request) {
        return HexFormat.of().formatHex(sha256(serialize(request)));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
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
