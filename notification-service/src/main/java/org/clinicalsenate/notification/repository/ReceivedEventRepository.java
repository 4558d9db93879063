package org.clinicalsenate.notification.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.clinicalsenate.notification.domain.ReceivedEvent;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReceivedEventRepository implements PanacheRepositoryBase<ReceivedEvent, String> {
}
