package org.clinicalsenate.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An integrator's webhook endpoint: where to post, which events it wants, who owns it (and so which
 * events it may receive: {@link Audience}), whether it is enabled, and its signing secrets.
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    public enum DisabledReason {
        MANUAL, GONE, FAILING;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Id
    public UUID id;

    @Column(nullable = false, insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false, updatable = false)
    public String owner;

    @Column(name = "sees_all", nullable = false)
    boolean seesAll;

    @Column(name = "sees_all_reviews", nullable = false)
    boolean seesAllReviews;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "owner_senates", nullable = false)
    String[] ownerSenates;

    @Column(name = "owner_organisation")
    String ownerOrganisation;

    @Column(nullable = false)
    public String url;

    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false)
    String[] eventTypes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    String[] senates;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "disabled_reason")
    String disabledReason;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(nullable = false)
    String secret;

    @Column(name = "previous_secret")
    String previousSecret;

    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** What an endpoint is told to do: where, what it wants. */
    public record Subscription(String url, String description, Set<String> eventTypes, Set<String> senates) {
    }

    /** A new endpoint of this owner, enabled, with a new secret (the only time it is shown). */
    public static WebhookEndpoint register(String owner, Audience audience, Subscription subscription, Instant now) {
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.owner = owner;
        endpoint.enabled = true;
        endpoint.secret = WebhookSecrets.generate();
        endpoint.createdAt = now;
        endpoint.change(audience, subscription, now);
        return endpoint;
    }

    /** Replaces what the endpoint wants, and what its owner may see (read again from their token). */
    public void change(Audience audience, Subscription subscription, Instant now) {
        seesAll = audience.all();
        seesAllReviews = audience.allReviews();
        ownerSenates = new TreeSet<>(audience.senates()).toArray(String[]::new);
        ownerOrganisation = audience.organisation();
        url = subscription.url();
        description = subscription.description();
        eventTypes = new TreeSet<>(subscription.eventTypes()).toArray(String[]::new);
        senates = new TreeSet<>(subscription.senates()).toArray(String[]::new);
        updatedAt = now;
    }

    public Audience audience() {
        return new Audience(seesAll, seesAllReviews, Set.of(ownerSenates), ownerOrganisation);
    }

    public List<String> eventTypes() {
        return List.of(eventTypes);
    }

    public List<String> senates() {
        return List.of(senates);
    }

    public String disabledReason() {
        return disabledReason;
    }

    /** Stops deliveries; a disabled endpoint stays as it was disabled (the first reason is kept). */
    public boolean disable(DisabledReason reason, Instant now) {
        if (!enabled) {
            return false;
        }
        enabled = false;
        disabledReason = reason.value();
        disabledAt = now;
        updatedAt = now;
        return true;
    }

    public void enable(Instant now) {
        if (!enabled) {
            enabled = true;
            disabledReason = null;
            disabledAt = null;
            failingSince = null;
            updatedAt = now;
        }
    }

    /**
     * A new secret; the current one keeps signing for {@code overlap} (a rotation within the overlap
     * replaces the previous secret: at most two sign).
     */
    public String rotateSecret(Instant now, Duration overlap) {
        previousSecret = secret;
        previousSecretExpiresAt = now.plus(overlap);
        secret = WebhookSecrets.generate();
        updatedAt = now;
        return secret;
    }

    /** The secret shown at registration or rotation, never otherwise. */
    public String secret() {
        return secret;
    }

    /** The secrets that sign a message now: the current one, and the previous one until it expires. */
    public List<String> signingSecrets(Instant now) {
        return signingSecrets(secret, previousSecret, previousSecretExpiresAt, now);
    }

    /** The rule of {@link #signingSecrets(Instant)}, for columns read without the entity. */
    public static List<String> signingSecrets(String secret, String previous, Instant previousExpiresAt, Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previous != null && previousExpiresAt != null && now.isBefore(previousExpiresAt)) {
            secrets.add(previous);
        }
        return secrets;
    }

    /** The previous secret's expiry while it still signs. */
    public Instant previousSecretExpiresAt(Instant now) {
        return previousSecret != null && now.isBefore(previousSecretExpiresAt) ? previousSecretExpiresAt : null;
    }

    /**
     * A delivery failed. True when the endpoint has now failed every delivery for {@code disableAfter}
     * (and so is to be disabled).
     */
    public boolean failed(Instant now, Duration disableAfter) {
        if (failingSince == null) {
            failingSince = now;
        }
        return enabled && !now.isBefore(failingSince.plus(disableAfter));
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[" + id + " " + url + " " + Arrays.toString(eventTypes) + "]";
    }
}
