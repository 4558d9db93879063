package org.clinicalsenate.membership.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.api.membership.model.SenateCreate;
import org.clinicalsenate.api.membership.model.SenateUpdate;
import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.http.ETags;
import org.clinicalsenate.commons.page.Cursor;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.membership.domain.Senate;
import org.clinicalsenate.membership.mapping.SenateMapper;

@ApplicationScoped
@Transactional
public class SenateService {

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    SenateMapper mapper;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    /** Ordered by slug; {@code active} true for senates active today, false for those that have ended. */
    @Transactional(TxType.SUPPORTS)
    public Page<Senate> list(Boolean active, Integer requestedLimit, String cursor) {
        int limit = Page.limit(requestedLimit);
        List<String> after = Cursor.decode(cursor, 1);
        StringBuilder jpql = new StringBuilder("from Senate s where 1 = 1");
        if (Boolean.TRUE.equals(active)) {
            jpql.append(" and s.activeFrom <= :today and (s.activeTo is null or s.activeTo >= :today)");
        } else if (Boolean.FALSE.equals(active)) {
            jpql.append(" and (s.activeFrom > :today or s.activeTo < :today)");
        }
        if (!after.isEmpty()) {
            jpql.append(" and s.slug > :after");
        }
        TypedQuery<Senate> query = em.createQuery(jpql.append(" order by s.slug").toString(), Senate.class)
                .setMaxResults(limit + 1);
        if (active != null) {
            query.setParameter("today", LocalDate.now(clock));
        }
        if (!after.isEmpty()) {
            query.setParameter("after", after.get(0));
        }
        return Page.of(query.getResultList(), limit, s -> Cursor.encode(s.slug));
    }

    @Transactional(TxType.SUPPORTS)
    public Senate get(String slug) {
        Senate senate = em.find(Senate.class, slug);
        if (senate == null) {
            throw ProblemException.notFound("No senate with slug '" + slug + "'");
        }
        return senate;
    }

    public Senate create(SenateCreate request) {
        Senate.checkPeriod(request.getActiveFrom(), request.getActiveTo());
        Senate.checkPredecessors(request.getSlug(), new ArrayList<>(request.getPredecessors()));
        checkPredecessorsExist(request.getPredecessors());
        if (em.find(Senate.class, request.getSlug()) != null) {
            throw ProblemException.conflict("A senate with slug '" + request.getSlug() + "' already exists");
        }
        Senate senate = mapper.toEntity(request);
        senate.createdAt = Instant.now(clock);
        senate.updatedAt = senate.createdAt;
        em.persist(senate);
        em.flush();
        audit.record("created", "senate", senate.slug, senate.slug, snapshot(senate));
        return senate;
    }

    public Senate update(String slug, String ifMatch, SenateUpdate request) {
        Senate senate = get(slug);
        caller.requireAdministers(slug);
        ETags.requireMatch(ifMatch, senate.version);
        Senate.checkPeriod(request.getActiveFrom(), request.getActiveTo());
        Senate.checkPredecessors(slug, new ArrayList<>(request.getPredecessors()));
        checkPredecessorsExist(request.getPredecessors());
        Map<String, Object> before = snapshot(senate);
        Senate.Governance governance = senate.governance();
        mapper.update(request, senate);
        List<String> governanceChanged = senate.governance().changedFrom(governance);
        if (!governanceChanged.isEmpty() && !caller.isPlatformAdmin()) {
            throw ProblemException.forbidden("Only a platform-admin may change a senate's governance: "
                    + String.join(", ", governanceChanged));
        }
        if (audit.recordChanges("updated", "senate", slug, slug, before, snapshot(senate))) {
            senate.updatedAt = Instant.now(clock);
            em.flush();
        }
        return senate;
    }

    private void checkPredecessorsExist(java.util.Collection<String> predecessors) {
        for (String predecessor : predecessors) {
            if (em.find(Senate.class, predecessor) == null) {
                throw ProblemException.ruleViolated("predecessors", "names an unknown senate '" + predecessor + "'");
            }
        }
    }

    private static Map<String, Object> snapshot(Senate s) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", s.name);
        values.put("region", s.region);
        values.put("coveredIcbs", List.copyOf(s.coveredIcbs));
        values.put("activeFrom", String.valueOf(s.activeFrom));
        values.put("activeTo", s.activeTo == null ? null : s.activeTo.toString());
        values.put("predecessors", List.copyOf(s.predecessors));
        values.put("maxTermYears", s.maxTermYears);
        values.put("maxConsecutiveTerms", s.maxConsecutiveTerms);
        values.put("councilSeats", s.councilSeats);
        return values;
    }
}
