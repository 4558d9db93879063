package org.clinicalsenate.membership.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.api.membership.model.MemberCreate;
import org.clinicalsenate.api.membership.model.MemberUpdate;
import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.http.ETags;
import org.clinicalsenate.commons.page.Cursor;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.membership.domain.AppointmentBody;
import org.clinicalsenate.membership.domain.AppointmentRole;
import org.clinicalsenate.membership.domain.AppointmentStatus;
import org.clinicalsenate.membership.domain.Member;
import org.clinicalsenate.membership.domain.MemberAccess;
import org.clinicalsenate.membership.domain.Profession;
import org.clinicalsenate.membership.domain.Senate;
import org.clinicalsenate.membership.mapping.MemberMapper;

@ApplicationScoped
@Transactional
public class MemberService {

    /** What a member list may be filtered by; null fields do not filter. */
    public record Search(String senate, AppointmentBody body, AppointmentRole role, Profession profession,
            String organisation, String name) {
    }

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    MemberLookup members;

    @Inject
    MemberMapper mapper;

    @Inject
    MemberAccess access;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    public Member create(MemberCreate request) {
        if (em.find(Senate.class, request.getSenate()) == null) {
            throw ProblemException.ruleViolated("senate", "names an unknown senate '" + request.getSenate() + "'");
        }
        caller.requireAdministers(request.getSenate());
        Member member = mapper.toEntity(request);
        member.id = UUID.randomUUID();
        member.createdAt = Instant.now(clock);
        member.updatedAt = member.createdAt;
        em.persist(member);
        em.flush();
        audit.record("created", Member.ENTITY_TYPE, member.id.toString(), member.senate, snapshot(member));
        return member;
    }

    /** A member the caller may not read is not found, so that their existence is not revealed. */
    @Transactional(TxType.SUPPORTS)
    public Member get(UUID id) {
        Member member = members.find(id);
        access.requireReadable(member);
        return member;
    }

    /** The member themself or their senate's admins; the audit entry names only the fields that changed. */
    public Member update(UUID id, String ifMatch, MemberUpdate request) {
        Member member = members.visible(id);
        ETags.requireMatch(ifMatch, member.version);
        Map<String, Object> before = snapshot(member);
        String emailBefore = member.email;
        mapper.update(request, member);
        Map<String, Object> after = snapshot(member);
        if (!Objects.equals(emailBefore, member.email)) {
            // contact details stay out of the append-only log: it says that the email changed, not to what
            after.put("email", "changed");
        }
        if (audit.recordChanges("updated", Member.ENTITY_TYPE, id.toString(), member.senate, before, after)) {
            member.updatedAt = Instant.now(clock);
            em.flush();
        } else {
            // rewriting the embedded registration and employer marks them dirty even with equal values:
            // an unchanged profile must keep its version (its ETag)
            em.refresh(member);
        }
        return member;
    }

    /**
     * In name order (then id), keyset-paginated. Platform-admins and services list every senate's
     * members; senate-admins and chairs only their senates' (asking for another senate is 403).
     */
    @Transactional(TxType.SUPPORTS)
    public Page<Member> list(Search search, Integer requestedLimit, String cursor) {
        int limit = Page.limit(requestedLimit);
        List<String> after = Cursor.decode(cursor, 2);
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder jpql = new StringBuilder("from Member m where 1 = 1");
        Optional<Set<String>> listable = access.listableSenates();
        if (search.senate() != null) {
            if (listable.isPresent() && !listable.get().contains(search.senate())) {
                throw ProblemException.forbidden("Your token does not give access to senate " + search.senate());
            }
            jpql.append(" and m.senate = :senate");
            parameters.put("senate", search.senate());
        } else if (listable.isPresent()) {
            if (listable.get().isEmpty()) {
                return new Page<>(List.of(), null);
            }
            jpql.append(" and m.senate in :senates");
            parameters.put("senates", List.copyOf(listable.get()));
        }
        if (search.profession() != null) {
            jpql.append(" and m.profession = :profession");
            parameters.put("profession", search.profession());
        }
        if (search.organisation() != null) {
            jpql.append(" and m.employer.odsCode = :organisation");
            parameters.put("organisation", search.organisation());
        }
        if (search.name() != null) {
            jpql.append(" and lower(m.name) like lower(:name) escape '\\'");
            parameters.put("name", "%" + escapeLike(search.name()) + "%");
        }
        if (search.body() != null || search.role() != null) {
            jpql.append(" and exists (select 1 from Appointment a where a.member = m");
            if (search.body() != null) {
                jpql.append(" and a.body = :body");
                parameters.put("body", search.body());
            }
            if (search.role() != null) {
                jpql.append(" and a.role = :role");
                parameters.put("role", search.role());
            }
            jpql.append(" and ").append(Rosters.SERVED_ON_DAY).append(")");
            parameters.put("served", AppointmentStatus.SERVED);
            parameters.put("day", LocalDate.now(clock));
        }
        if (!after.isEmpty()) {
            jpql.append(" and (lower(m.name), m.id) > (lower(:afterName), :afterId)");
            parameters.put("afterName", after.get(0));
            parameters.put("afterId", Cursor.asUuid(after.get(1)));
        }
        jpql.append(" order by lower(m.name), m.id");
        TypedQuery<Member> query = em.createQuery(jpql.toString(), Member.class).setMaxResults(limit + 1);
        parameters.forEach(query::setParameter);
        return Page.of(query.getResultList(), limit, m -> Cursor.encode(m.name, m.id.toString()));
    }

    /** A LIKE pattern matching the text literally: its wildcards are escaped. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The profile as the audit log keeps it: without the contact email (personal data). */
    private static Map<String, Object> snapshot(Member m) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("senate", m.senate);
        values.put("name", m.name);
        values.put("professionalTitle", m.professionalTitle);
        values.put("profession", m.profession.value());
        values.put("specialty", m.specialty);
        values.put("registrationBody", m.registration == null ? null : m.registration.body);
        values.put("registrationNumber", m.registration == null ? null : m.registration.number);
        values.put("employerOdsCode", m.employer == null ? null : m.employer.odsCode);
        values.put("employerName", m.employer == null ? null : m.employer.name);
        values.put("employerIcb", m.employer == null ? null : m.employer.icb);
        return values;
    }
}
