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
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.api.membership.model.SenateCreate;
import org.clinicalsenate.api.membership.model.SenateUpdate;
import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.http.ETags;
import org.clinicalsenate.commons.page.Keyset;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.membership.domain.Senate;
import org.clinicalsenate.membership.domain.SenateSummary;
import org.clinicalsenate.membership.mapping.SenateMapper;
import org.clinicalsenate.membership.repository.SenateRepository;

@ApplicationScoped
@Transactional
public class SenateService {

    @Inject
    Clock clock;

    @Inject
    SenateRepository senates;

    @Inject
    SenateMapper mapper;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    /**
     * Ordered by slug; {@code active} true for senates active today, false for those that have
     * ended; {@code updatedSince} those created or changed since.
     */
    @Transactional(TxType.SUPPORTS)
    public Page<SenateSummary> list(Boolean active, Instant updatedSince, Integer limit, String cursor) {
        Keyset<Senate, SenateSummary> list = Keyset.over(senates, "senates").select(SenateSummary.class)
                .filter("updatedAt >= :updatedSince", "updatedSince", updatedSince);
        if (active != null) {
            list.where(active ? "activeFrom <= :today and (activeTo is null or activeTo >= :today)"
                    : "(activeFrom > :today or activeTo < :today)")
                    .param("today", LocalDate.now(clock))
                    .bind("active", active);
        }
        return list.orderBy(Keyset.Order.ASCENDING, Keyset.key("slug", String.class, SenateSummary::slug))
                .page(limit, cursor);
    }

    @Transactional(TxType.SUPPORTS)
    public Senate get(String slug) {
        return senates.findByIdOptional(slug)
                .orElseThrow(() -> ProblemException.notFound("No senate with slug '" + slug + "'"));
    }

    public Senate create(SenateCreate request) {
        Senate.checkPeriod(request.getActiveFrom(), request.getActiveTo());
        Senate.checkPredecessors(request.getSlug(), new ArrayList<>(request.getPredecessors()));
        checkPredecessorsExist(request.getPredecessors());
        if (senates.findByIdOptional(request.getSlug()).isPresent()) {
            throw ProblemException.conflict("A senate with slug '" + request.getSlug() + "' already exists");
        }
        Senate senate = mapper.toEntity(request);
        senate.createdAt = Instant.now(clock);
        senate.updatedAt = senate.createdAt;
        senates.persistAndFlush(senate);
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
            senates.flush();
        }
        return senate;
    }

    private void checkPredecessorsExist(java.util.Collection<String> predecessors) {
        for (String predecessor : predecessors) {
            if (senates.findByIdOptional(predecessor).isEmpty()) {
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
