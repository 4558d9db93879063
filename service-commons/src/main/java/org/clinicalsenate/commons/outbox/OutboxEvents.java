package org.clinicalsenate.commons.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class OutboxEvents implements PanacheRepositoryBase<OutboxEvent, Long> {
}
