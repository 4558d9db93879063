package org.clinicalsenate.commons.audit;

/**
 * Fired for each change as the audit log records it. Every change is audited, so this is the one
 * place to learn that data changed: observe it with {@code @Observes(during = AFTER_SUCCESS)} to act
 * only once the change is committed (e.g. to drop a cached view of the senate).
 *
 * @param senate the senate the entity belongs to, or null when it belongs to none
 */
public record Audited(String action, String entityType, String entityId, String senate) {
}
