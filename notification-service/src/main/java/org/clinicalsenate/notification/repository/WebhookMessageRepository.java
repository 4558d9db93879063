package org.clinicalsenate.notification.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.clinicalsenate.notification.domain.WebhookMessage;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class WebhookMessageRepository implements PanacheRepositoryBase<WebhookMessage, UUID> {
}
