package org.clinicalsenate.commons.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.api.common.model.AuditEntry;
import org.clinicalsenate.api.common.model.AuditEntryPage;
import org.clinicalsenate.commons.database.JsonParameter;
import org.clinicalsenate.commons.mapping.Times;
import org.clinicalsenate.commons.page.Keyset;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.security.Caller;

import io.quarkus.arc.Arc;

/**
 * Writes and reads the audit log. Writing joins the caller's transaction, so a rolled-back change
 * leaves no entry; each entry is also announced as an {@link Audited} event.
 */
@ApplicationScoped
public class AuditLog {

    /** recordAll's rows, in their order: a JSON array of {@link Entry}. */
    private static final String INSERT_ALL = """
            INSERT INTO audit_log (actor, action, entity_type, entity_id, senate, occurred_at, changes)
            SELECT :actor, :action, :entityType, r.e ->> 'entityId', r.e ->> 'senate', :at,
                   coalesce(r.e -> 'changes', '{}'::jsonb)
              FROM jsonb_array_elements(CAST(:rows AS jsonb)) WITH ORDINALITY AS r (e, n)
             ORDER BY r.n
            """;

    @Inject
    Clock clock;

    @Inject
    AuditRecords records;

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
        records.persist(record);
        audited.fire(new Audited(action, entityType, entityId, senate));
    }

    /** One entry of {@link #recordAll}. */
    public record Entry(String entityId, String senate, Map<String, Object> changes) {
    }

    /**
     * Entries of one action on entities of one type, written in one statement (e.g. a batch of
     * received events), in their order; each announced as {@link #record}'s is.
     */
    @Transactional(TxType.MANDATORY)
    public void recordAll(String action, String entityType, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        records.getEntityManager().createNativeQuery(INSERT_ALL)
                .setParameter("actor", actor())
                .setParameter("action", action)
                .setParameter("entityType", entityType)
                .setParameter("at", Instant.now(clock))
                .setParameter("rows", JsonParameter.of(entries))
                .executeUpdate();
        entries.forEach(e -> audited.fire(new Audited(action, entityType, e.entityId(), e.senate())));
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
    public AuditEntryPage list(String entityType, String entityId, Instant since, Integer limit, String cursor) {
        Keyset<AuditRecord, AuditRecord> entries = Keyset.over(records, "audit-entries")
                .filter("entityType = :entityType", "entityType", entityType)
                .filter("entityId = :entityId", "entityId", entityId)
                .filter("occurredAt >= :since", "since", since);
        if (!caller.isPlatformAdmin()) {
            entries.where("senate in :senates")
                    .param("senates", caller.senates().isEmpty() ? List.of("") : List.copyOf(caller.senates()));
        }
        Page<AuditEntry> page = entries.orderBy(Keyset.Order.DESCENDING, Keyset.key("id", Long.class, r -> r.id))
                .page(limit, cursor)
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
