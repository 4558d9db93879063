package org.clinicalsenate.commons.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.api.common.model.AuditEntry;
import org.clinicalsenate.api.common.model.AuditEntryPage;
import org.clinicalsenate.commons.mapping.Times;
import org.clinicalsenate.commons.page.Cursor;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.security.Caller;

import io.quarkus.arc.Arc;

/**
 * Writes and reads the audit log. Writing joins the caller's transaction, so a rolled-back change
 * leaves no entry; each entry is also announced as an {@link Audited} event.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Event<Audited> audited;

    @Transactional(TxType.MANDATORY)
    public void record(String action, String entityType, String entityId, String senate, Map<String, Object> changes) {
        AuditRecord record = new AuditRecord();
        record.actor = actor();
        record.action = action;
        record.entityType = entityType;
        record.entityId = entityId;
        record.senate = senate;
        record.occurredAt = Instant.now(clock);
        record.changes = changes;
        em.persist(record);
        audited.fire(new Audited(action, entityType, entityId, senate));
    }

    /**
     * Records an update as the fields whose value differs between two snapshots, with their new
     * value; records nothing (and returns false) when nothing changed.
     */
    @Transactional(TxType.MANDATORY)
    public boolean recordChanges(String action, String entityType, String entityId, String senate,
            Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        after.forEach((field, value) -> {
            if (!Objects.equals(before.get(field), value)) {
                changed.put(field, value);
            }
        });
        if (changed.isEmpty()) {
            return false;
        }
        record(action, entityType, entityId, senate, changed);
        return true;
    }

    /**
     * Newest first. A platform-admin reads every entry; anyone else only the entries of the senates
     * they administer.
     */
    @Transactional(TxType.SUPPORTS)
    public AuditEntryPage list(String entityType, String entityId, Integer requestedLimit, String cursor) {
        int limit = Page.limit(requestedLimit);
        List<String> after = Cursor.decode(cursor, 1);
        StringBuilder jpql = new StringBuilder("from AuditRecord a where 1 = 1");
        if (entityType != null) {
            jpql.append(" and a.entityType = :entityType");
        }
        if (entityId != null) {
            jpql.append(" and a.entityId = :entityId");
        }
        if (!caller.isPlatformAdmin()) {
            jpql.append(" and a.senate in :senates");
        }
        if (!after.isEmpty()) {
            jpql.append(" and a.id < :after");
        }
        jpql.append(" order by a.id desc");
        TypedQuery<AuditRecord> query = em.createQuery(jpql.toString(), AuditRecord.class).setMaxResults(limit + 1);
        if (entityType != null) {
            query.setParameter("entityType", entityType);
        }
        if (entityId != null) {
            query.setParameter("entityId", entityId);
        }
        if (!caller.isPlatformAdmin()) {
            query.setParameter("senates", caller.senates().isEmpty() ? List.of("") : new ArrayList<>(caller.senates()));
        }
        if (!after.isEmpty()) {
            query.setParameter("after", Cursor.asLong(after.get(0)));
        }
        Page<AuditEntry> page = Page.of(query.getResultList(), limit, r -> Cursor.encode(r.id.toString()))
                .map(AuditLog::toApi);
        return new AuditEntryPage(page.items()).nextCursor(page.nextCursor());
    }

    private String actor() {
        // scheduled jobs run without a request: they act as the system
        return Arc.container().requestContext().isActive() ? caller.subject() : "system";
    }

    private static AuditEntry toApi(AuditRecord r) {
        return new AuditEntry(r.id, r.actor, r.action, r.entityType, r.entityId, Times.utc(r.occurredAt))
                .senate(r.senate)
                .changes(r.changes);
    }
}
