package org.clinicalsenate.commons.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.clinicalsenate.api.common.model.CloudEvent;
import org.clinicalsenate.api.notification.client.ApiException;
import org.clinicalsenate.api.notification.client.EventsApi;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.arc.DefaultBean;

/**
 * Posts events with the generated notification client. The OIDC client filter adds a
 * client-credentials token; {@code quarkus.rest-client.notification.url} says where to.
 */
@ApplicationScoped
@DefaultBean
public class NotificationEventSender implements EventSender {

    @Inject
    @RestClient
    EventsApi events;

    @Override
    public void send(CloudEvent event) {
        try {
            events.receiveEvent(event);
        } catch (ApiException e) {
            throw new IllegalStateException("notification-service answered " + e.getResponse().getStatus(), e);
        }
    }
}
