package org.clinicalsenate.notification.service;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.events.EventCatalog;
import org.clinicalsenate.commons.http.ETags;
import org.clinicalsenate.commons.page.Keyset;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.notification.config.WebhookConfig;
import org.clinicalsenate.notification.domain.Audience;
import org.clinicalsenate.notification.domain.EndpointAccess;
import org.clinicalsenate.notification.domain.UrlSafety;
import org.clinicalsenate.notification.domain.WebhookAttempt;
import org.clinicalsenate.notification.domain.WebhookEndpoint;
import org.clinicalsenate.notification.domain.WebhookEndpoint.DisabledReason;
import org.clinicalsenate.notification.domain.WebhookEndpoint.Subscription;
import org.clinicalsenate.notification.domain.WebhookMessage;
import org.clinicalsenate.notification.repository.WebhookAttemptRepository;
import org.clinicalsenate.notification.repository.WebhookEndpointRepository;
import org.clinicalsenate.notification.repository.WebhookMessageRepository;

/**
 * The integrator's side of webhooks: their endpoints (each managed by its owner or a
 * platform-admin only: {@link EndpointAccess}), secrets, test messages, and the messages and attempts
 * made for them, with replay and recovery.
 */
@ApplicationScoped
@Transactional
public class WebhookEndpoints {

    static final String ENTITY_TYPE = "webhook-endpoint";

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    WebhookEndpointRepository endpoints;

    @Inject
    WebhookMessageRepository messages;

    @Inject
    WebhookAttemptRepository attempts;

    @Inject
    AuditLog audit;

    @Inject
    EventCatalog catalog;

    @Inject
    WebhookConfig config;

    @Inject
    Deliveries deliveries;

    private UrlSafety urls;

    @PostConstruct
    void init() {
        urls = UrlSafety.system(config.allowHttp(), config.allowLoopback());
    }

    /** A new endpoint of the caller's; its secret is readable this once ({@link WebhookEndpoint#secret()}). */
    public WebhookEndpoint register(Subscription subscription) {
        Audience audience = audience(subscription);
        WebhookEndpoint endpoint = WebhookEndpoint.register(caller.subject(), audience, checked(subscription),
                Instant.now(clock));
        endpoints.persist(endpoint);
        audit.record("registered", ENTITY_TYPE, endpoint.id.toString(), null, summary(endpoint));
        return endpoint;
    }

    @Transactional(TxType.SUPPORTS)
    public WebhookEndpoint get(UUID id) {
        WebhookEndpoint endpoint = endpoints.findById(id);
        if (endpoint == null || !EndpointAccess.of(caller).manages(endpoint)) {
            throw ProblemException.notFound("No webhook endpoint " + id);
        }
        return endpoint;
    }

    /**
     * The endpoint, locked for a change: changes lock the endpoint before its messages, as the
     * workers do, so that none waits for another in a circle.
     */
    private WebhookEndpoint locked(UUID id) {
        WebhookEndpoint endpoint = endpoints.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (endpoint == null || !EndpointAccess.of(caller).manages(endpoint)) {
            throw ProblemException.notFound("No webhook endpoint " + id);
        }
        return endpoint;
    }

    public WebhookEndpoint change(UUID id, String ifMatch, Subscription subscription) {
        WebhookEndpoint endpoint = locked(id);
        ETags.requireMatch(ifMatch, endpoint.version);
        endpoint.change(audience(subscription), checked(subscription), Instant.now(clock));
        audit.record("changed", ENTITY_TYPE, endpoint.id.toString(), null, summary(endpoint));
        endpoints.flush();
        return endpoint;
    }

    public void delete(UUID id, String ifMatch) {
        WebhookEndpoint endpoint = locked(id);
        ETags.requireMatch(ifMatch, endpoint.version);
        // attempts and messages go with it (ON DELETE CASCADE)
        endpoints.delete(endpoint);
        audit.record("deleted", ENTITY_TYPE, id.toString(), null, Map.of("url", endpoint.url));
    }

    public WebhookEndpoint disable(UUID id) {
        WebhookEndpoint endpoint = locked(id);
        if (deliveries.disable(endpoint, DisabledReason.MANUAL, Instant.now(clock))) {
            audit.record("disabled", ENTITY_TYPE, id.toString(), null, Map.of("reason", DisabledReason.MANUAL.value()));
        }
        endpoints.flush();
        return endpoint;
    }

    public WebhookEndpoint enable(UUID id) {
        WebhookEndpoint endpoint = locked(id);
        if (!endpoint.enabled) {
            checkUrl(endpoint.url);
            endpoint.enable(Instant.now(clock));
            audit.record("enabled", ENTITY_TYPE, id.toString(), null, Map.of());
        }
        endpoints.flush();
        return endpoint;
    }

    /** A new secret (returned this once); the previous one signs alongside it for the configured overlap. */
    public WebhookEndpoint rotateSecret(UUID id) {
        WebhookEndpoint endpoint = locked(id);
        endpoint.rotateSecret(Instant.now(clock), config.secretOverlap());
        audit.record("secret-rotated", ENTITY_TYPE, id.toString(), null, Map.of());
        endpoints.flush();
        return endpoint;
    }

    /** A test message, due at once. */
    public WebhookMessage ping(UUID id) {
        WebhookEndpoint endpoint = get(id);
        requireEnabled(endpoint);
        Instant now = Instant.now(clock);
        WebhookMessage message = WebhookMessage.ping(endpoint.id,
                FanOut.payload(WebhookMessage.PING, now, Map.of("endpointId", endpoint.id.toString())), now);
        message.nextAttemptAt = now.plus(config.retrySchedule().get(0));
        messages.persist(message);
        return message;
    }

    public WebhookMessage replay(UUID endpointId, UUID messageId) {
        WebhookEndpoint endpoint = locked(endpointId);
        WebhookMessage message = messages.findById(messageId);
        if (message == null || !message.endpointId.equals(endpoint.id)) {
            throw ProblemException.notFound("No message " + messageId + " of webhook endpoint " + endpointId);
        }
        requireEnabled(endpoint);
        message.requeue(Instant.now(clock));
        audit.record("message-replayed", ENTITY_TYPE, endpointId.toString(), null,
                Map.of("message", message.webhookId()));
        return message;
    }

    /** Queues again every failed message of the endpoint made at or after {@code since}; how many. */
    public int recover(UUID endpointId, OffsetDateTime since) {
        WebhookEndpoint endpoint = locked(endpointId);
        Instant now = Instant.now(clock);
        Instant from = since.toInstant();
        if (from.isBefore(now.minus(config.recoveryWindow()))) {
            throw ProblemException.ruleViolated("since", "must be within the last " + config.recoveryWindow().toDays()
                    + " days");
        }
        requireEnabled(endpoint);
        int requeued = messages.update("status = ?1, scheduled = 0, nextAttemptAt = ?2 "
                + "where endpointId = ?3 and status = ?4 and createdAt >= ?5",
                WebhookMessage.PENDING, now, endpointId, WebhookMessage.FAILED, from);
        audit.record("messages-recovered", ENTITY_TYPE, endpointId.toString(), null,
                Map.of("since", from.toString(), "requeued", requeued));
        return requeued;
    }

    /** The caller's endpoints (a platform-admin's: all), oldest first. */
    @Transactional(TxType.SUPPORTS)
    public Page<WebhookEndpoint> list(Integer limit, String cursor) {
        Keyset<WebhookEndpoint, WebhookEndpoint> list = Keyset.over(endpoints, "webhook-endpoints");
        if (!caller.isPlatformAdmin()) {
            list.filter("owner = :owner", "owner", caller.subject());
        }
        return list.orderBy(Keyset.Order.ASCENDING, Keyset.key("seq", Long.class, (WebhookEndpoint e) -> e.seq))
                .page(limit, cursor);
    }

    /** The endpoint's messages, newest first. */
    @Transactional(TxType.SUPPORTS)
    public Page<WebhookMessage> messages(UUID endpointId, Boolean failed, OffsetDateTime since, Integer limit,
            String cursor) {
        get(endpointId);
        return Keyset.over(messages, "webhook-messages")
                .filter("endpointId = :endpoint", "endpoint", endpointId)
                // a literal, so that the plan reads the partial index of failed messages
                .filter("status = 'failed'", "failed", Boolean.TRUE.equals(failed) ? Boolean.TRUE : null)
                .filter("createdAt >= :since", "since", since == null ? null : since.toInstant())
                .orderBy(Keyset.Order.DESCENDING,
                        Keyset.key("createdAt", Instant.class, (WebhookMessage m) -> m.createdAt),
                        Keyset.key("seq", Long.class, (WebhookMessage m) -> m.seq))
                .page(limit, cursor);
    }

    /** The endpoint's attempts, newest first. */
    @Transactional(TxType.SUPPORTS)
    public Page<WebhookAttempt> attempts(UUID endpointId, Boolean failed, OffsetDateTime since, UUID messageId,
            Integer limit, String cursor) {
        get(endpointId);
        return Keyset.over(attempts, "webhook-attempts")
                .filter("endpointId = :endpoint", "endpoint", endpointId)
                .filter("succeeded = false", "failed", Boolean.TRUE.equals(failed) ? Boolean.TRUE : null)
                .filter("attemptedAt >= :since", "since", since == null ? null : since.toInstant())
                .filter("messageId = :message", "message", messageId)
                .orderBy(Keyset.Order.DESCENDING,
                        Keyset.key("attemptedAt", Instant.class, (WebhookAttempt a) -> a.attemptedAt),
                        Keyset.key("seq", Long.class, (WebhookAttempt a) -> a.seq))
                .page(limit, cursor);
    }

    private static void requireEnabled(WebhookEndpoint endpoint) {
        if (!endpoint.enabled) {
            throw ProblemException.conflict("Webhook endpoint " + endpoint.id + " is disabled ("
                    + endpoint.disabledReason() + "); enable it first");
        }
    }

    /** What the caller may see, and the subscription's senates within it. */
    private Audience audience(Subscription subscription) {
        Audience audience = Audience.of(caller);
        if (!audience.seesAnything()) {
            throw ProblemException.forbidden("Your token's roles and scope let you see no events");
        }
        for (String senate : subscription.senates()) {
            if (!audience.seesAnyOf(senate)) {
                throw ProblemException.ruleViolated("senates", "includes " + senate
                        + ", whose events your token does not let you see");
            }
        }
        return audience;
    }

    private Subscription checked(Subscription subscription) {
        URI url = checkUrl(subscription.url());
        Set<String> known = eventTypes();
        for (String type : subscription.eventTypes()) {
            if (!known.contains(type)) {
                throw ProblemException.ruleViolated("eventTypes", "includes " + type
                        + ", which is not an event type (" + String.join(", ", known) + ")");
            }
        }
        return new Subscription(url.toString(), subscription.description(), subscription.eventTypes(),
                subscription.senates());
    }

    private URI checkUrl(String url) {
        try {
            return urls.checkSaved(url);
        } catch (UrlSafety.Refused e) {
            throw ProblemException.ruleViolated("url", e.getMessage());
        }
    }

    /** The event types an endpoint may subscribe to: those of the events contract that other services publish. */
    public Set<String> eventTypes() {
        Set<String> types = new TreeSet<>();
        catalog.types().values().stream().filter(t -> !t.source().equals("/notification-service"))
                .forEach(t -> types.add(t.type()));
        return types;
    }

    private static Map<String, Object> summary(WebhookEndpoint endpoint) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("url", endpoint.url);
        values.put("eventTypes", List.copyOf(endpoint.eventTypes()));
        values.put("senates", List.copyOf(endpoint.senates()));
        return values;
    }
}
