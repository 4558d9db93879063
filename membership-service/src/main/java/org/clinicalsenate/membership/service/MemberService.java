package org.clinicalsenate.membership.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.api.membership.model.MemberCreate;
import org.clinicalsenate.api.membership.model.MemberUpdate;
import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.http.ETags;
import org.clinicalsenate.commons.page.Keyset;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.membership.domain.AppointmentBody;
import org.clinicalsenate.membership.domain.AppointmentRole;
import org.clinicalsenate.membership.domain.AppointmentStatus;
import org.clinicalsenate.membership.domain.Member;
import org.clinicalsenate.membership.domain.MemberAccess;
import org.clinicalsenate.membership.domain.MemberSummary;
import org.clinicalsenate.membership.domain.Profession;
import org.clinicalsenate.membership.mapping.MemberMapper;
import org.clinicalsenate.membership.repository.MemberRepository;
import org.clinicalsenate.membership.repository.SenateRepository;

@ApplicationScoped
@Transactional
public class MemberService {

    /** What a member list may be filtered by; null fields do not filter. */
    public record Search(String senate, AppointmentBody body, AppointmentRole role, Profession profession,
            String organisation, String name, Instant updatedSince) {
    }

    @Inject
    Clock clock;

    @Inject
    MemberRepository members;

    @Inject
    SenateRepository senates;

    @Inject
    MemberLookup lookup;

    @Inject
    MemberMapper mapper;

    @Inject
    MemberAccess access;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    public Member create(MemberCreate request) {
        if (senates.findByIdOptional(request.getSenate()).isEmpty()) {
            throw ProblemException.ruleViolated("senate", "names an unknown senate '" + request.getSenate() + "'");
        }
        caller.requireAdministers(request.getSenate());
        Member member = mapper.toEntity(request);
        member.id = UUID.randomUUID();
        member.createdAt = Instant.now(clock);
        member.updatedAt = member.createdAt;
        members.persistAndFlush(member);
        audit.record("created", Member.ENTITY_TYPE, member.id.toString(), member.senate, snapshot(member));
        return member;
    }

    /** A member the caller may not read is not found, so that their existence is not revealed. */
    @Transactional(TxType.SUPPORTS)
    public Member get(UUID id) {
        Member member = lookup.find(id);
        access.requireReadable(member);
        return member;
    }

    /** The member themself or their senate's admins; the audit entry names only the fields that changed. */
    public Member update(UUID id, String ifMatch, MemberUpdate request) {
        Member member = lookup.visible(id);
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
            members.flush();
        } else {
            // rewriting the embedded registration and employer marks them dirty even with equal values:
            // an unchanged profile must keep its version (its ETag)
            members.getEntityManager().refresh(member);
        }
        return member;
    }

    /**
     * In name order (then id), keyset-paginated. Platform-admins and review-service list every
     * senate's members; senate-admins and chairs only their senates' (asking for another senate is 403).
     */
    @Transactional(TxType.SUPPORTS)
    public Page<MemberSummary> list(Search search, Integer limit, String cursor) {
        Keyset<Member, MemberSummary> list = Keyset.over(members, "members").select(MemberSummary.class);
        Optional<Set<String>> listable = access.listableSenates();
        if (search.senate() != null) {
            if (listable.isPresent() && !listable.get().contains(search.senate())) {
                throw ProblemException.forbidden("Your token does not give access to senate " + search.senate());
            }
            list.filter("senate = :senate", "senate", search.senate());
        } else if (listable.isPresent()) {
            if (listable.get().isEmpty()) {
                return Page.empty();
            }
            list.where("senate in :senates").param("senates", List.copyOf(listable.get()));
        }
        list.filter("profession = :profession", "profession", search.profession())
                .filter("employer.odsCode = :organisation", "organisation", search.organisation())
                .filter("lower(name) like lower(:name) escape '\\'", "name",
                        search.name() == null ? null : "%" + escapeLike(search.name()) + "%")
                .filter("updatedAt >= :updatedSince", "updatedSince", search.updatedSince());
        if (search.body() != null || search.role() != null) {
            // members with an appointment served today with that body and role
            StringBuilder served = new StringBuilder("id in (select a.member.id from Appointment a where ");
            if (search.body() != null) {
                served.append("a.body = :body and ");
                list.param("body", search.body()).bind("body", search.body());
            }
            if (search.role() != null) {
                served.append("a.role = :role and ");
                list.param("role", search.role()).bind("role", search.role());
            }
            list.where(served.append(Rosters.SERVED_ON_DAY).append(")").toString())
                    .param("served", AppointmentStatus.SERVED)
                    .param("day", LocalDate.now(clock));
        }
        return list.orderBy(Keyset.Order.ASCENDING, Keyset.lowerCaseKey("name", MemberSummary::name),
                Keyset.key("id", UUID.class, MemberSummary::id)).page(limit, cursor);
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
