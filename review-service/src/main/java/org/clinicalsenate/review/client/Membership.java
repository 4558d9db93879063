package org.clinicalsenate.review.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.clinicalsenate.api.membership.client.ApiException;
import org.clinicalsenate.api.membership.client.ConflictChecksApi;
import org.clinicalsenate.api.membership.client.MeetingDeclarationsApi;
import org.clinicalsenate.api.membership.client.MembersApi;
import org.clinicalsenate.api.membership.client.SenatesApi;
import org.clinicalsenate.api.membership.model.ConflictCheckRequest;
import org.clinicalsenate.api.membership.model.MeetingDeclaration;
import org.clinicalsenate.api.membership.model.MeetingDeclarationCreate;
import org.clinicalsenate.api.membership.model.Member;
import org.clinicalsenate.api.membership.model.MemberConflicts;
import org.clinicalsenate.api.membership.model.Senate;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.clinicalsenate.review.domain.Clearance;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * review-service's calls to membership-service, through the generated client with the service's
 * client-credentials token, in one place with their fault tolerance: each call times out, is tried
 * again on a failure, and stops being tried for a while when membership keeps failing (circuit
 * breaker). When membership cannot answer, the caller gets a 503 problem with {@code Retry-After},
 * and nothing is stored. A 404 is an answer, not a failure.
 */
@ApplicationScoped
// on every call (each method has its own circuit breaker); a fallback per method answers a failure
@Timeout(value = 2, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 100, jitter = 50)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
public class Membership {

    /** A call of the generated client. */
    @FunctionalInterface
    private interface Call<T> {
        T call() throws ApiException;
    }

    private static final Logger LOG = Logger.getLogger(Membership.class);

    @Inject
    @RestClient
    SenatesApi senates;

    @Inject
    @RestClient
    MembersApi members;

    @Inject
    @RestClient
    ConflictChecksApi conflictChecks;

    @Inject
    @RestClient
    MeetingDeclarationsApi meetingDeclarations;

    /** The senate, or empty when membership does not know it; a 503 problem when membership cannot answer. */
    @Fallback(fallbackMethod = "senateUnavailable")
    public Optional<Senate> senate(String slug) {
        return answer(() -> senates.getSenate(slug), 404);
    }

    Optional<Senate> senateUnavailable(String slug) {
        LOG.warnf("membership-service could not answer for senate %s", slug);
        throw unavailable();
    }

    /** The member (without contact details), or empty when membership does not know them. */
    @Fallback(fallbackMethod = "memberUnavailable")
    public Optional<Member> member(UUID id) {
        return answer(() -> members.getMember(id), 404);
    }

    /**
     * The conflict check of members for a review of these organisations and this area (each one's
     * outcome and reasons, by member id), in one call; empty when membership does not know one of them.
     */
    @Fallback(fallbackMethod = "conflictsUnavailable")
    public Optional<Map<UUID, MemberConflicts>> conflicts(Collection<UUID> memberIds, Collection<String> organisations,
            Collection<String> area) {
        // membership answers a check of an unknown member with a 422
        return answer(() -> conflictChecks.checkConflicts(new ConflictCheckRequest().memberIds(new LinkedHashSet<>(memberIds))
                .organisations(new LinkedHashSet<>(organisations)).area(new LinkedHashSet<>(area))), 422)
                .map(result -> result.getResults().stream()
                        .collect(Collectors.toMap(MemberConflicts::getMemberId, Function.identity())));
    }

    Optional<Map<UUID, MemberConflicts>> conflictsUnavailable(Collection<UUID> memberIds,
            Collection<String> organisations, Collection<String> area) {
        LOG.warnf("membership-service could not check members %s for conflicts", memberIds);
        throw unavailable();
    }

    /**
     * Records a declaration made at a meeting (the meeting's reference is review-service's meeting
     * id); the key makes a retry return the same record. Empty when membership refuses it as
     * unprocessable (a member or declaration it does not know).
     */
    @Fallback(fallbackMethod = "meetingDeclarationUnavailable")
    public Optional<MeetingDeclaration> recordMeetingDeclaration(String meetingRef, MeetingDeclarationCreate declaration,
            String idempotencyKey) {
        return answer(() -> meetingDeclarations.recordMeetingDeclaration(meetingRef, declaration, idempotencyKey), 422);
    }

    Optional<MeetingDeclaration> meetingDeclarationUnavailable(String meetingRef, MeetingDeclarationCreate declaration,
            String idempotencyKey) {
        LOG.warnf("membership-service could not record a declaration at meeting %s", meetingRef);
        throw unavailable();
    }

    Optional<Member> memberUnavailable(UUID id) {
        LOG.warnf("membership-service could not answer for member %s", id);
        throw unavailable();
    }

    /**
     * The call's answer, or empty when membership answers {@code unknown} (it does not know what was
     * asked about). Any other refusal (a token refused, an error) is membership failing to answer.
     */
    private static <T> Optional<T> answer(Call<T> call, int unknown) {
        try {
            return Optional.of(call.call());
        } catch (ApiException e) {
            if (e.getResponse().getStatus() == unknown) {
                return Optional.empty();
            }
            throw new IllegalStateException("membership-service answered " + e.getResponse().getStatus(), e);
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "membership-service cannot answer for now, so nothing was changed; send the request again after"
                        + " Retry-After seconds");
    }

    /** What the conflict check said of a member, as review-service keeps it (checked {@code at}). */
    public static Clearance clearance(MemberConflicts check, Instant at) {
        return Clearance.checked(check.getOutcome(), check.getReasons().stream()
                .map(reason -> new Clearance.Reason(reason.getCode(), reason.getMessage())).toList(), at);
    }

    /**
     * The senate as membership knows it, which must exist and be active on {@code today}: a 422
     * problem on {@code field} otherwise. The list of senates is public, so an unknown senate and an
     * inactive one are told apart.
     */
    public static Senate requireActive(Optional<Senate> known, String slug, LocalDate today, String field) {
        Senate senate = known.orElseThrow(() -> ProblemException.ruleViolated(field, "is not a senate (" + slug + ")"));
        boolean started = !senate.getActiveFrom().isAfter(today);
        boolean ended = senate.getActiveTo() != null && senate.getActiveTo().isBefore(today);
        if (!started || ended) {
            throw ProblemException.ruleViolated(field, "is not an active senate (" + slug + " is active from "
                    + senate.getActiveFrom() + (senate.getActiveTo() == null ? "" : " to " + senate.getActiveTo()) + ")");
        }
        return senate;
    }
}
