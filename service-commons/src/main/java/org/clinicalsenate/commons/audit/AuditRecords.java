package org.clinicalsenate.commons.audit;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AuditRecords implements PanacheRepositoryBase<AuditRecord, Long> {
}
