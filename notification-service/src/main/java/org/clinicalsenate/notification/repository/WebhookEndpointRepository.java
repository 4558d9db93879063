package org.clinicalsenate.notification.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.clinicalsenate.notification.domain.WebhookEndpoint;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class WebhookEndpointRepository implements PanacheRepositoryBase<WebhookEndpoint, UUID> {
}
