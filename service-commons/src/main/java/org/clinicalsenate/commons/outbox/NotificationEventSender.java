package org.clinicalsenate.commons.outbox;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.clinicalsenate.api.common.model.CloudEvent;
import org.clinicalsenate.api.notification.client.ApiException;
import org.clinicalsenate.api.notification.client.EventsApi;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.arc.DefaultBean;

/**
 * Posts events with the notification clients (the generated one for one event, {@link EventBatchClient}
 * for a batch). The OIDC client filter adds a client-credentials token;
 * {@code quarkus.rest-client.notification.url} says where to.
 */
@ApplicationScoped
@DefaultBean
public class NotificationEventSender implements EventSender {

    @Inject
    @RestClient
    EventsApi events;

    @Inject
    @RestClient
    EventBatchClient batches;

    @Override
    public void send(CloudEvent event) {
        try {
            events.receiveEvent(event);
        } catch (ApiException e) {
            throw new IllegalStateException("notification-service answered " + e.getResponse().getStatus(), e);
        }
    }

    @Override
    public void sendBatch(List<CloudEvent> batch) {
        try {
            batches.receiveEventBatch(batch);
        } catch (ApiException e) {
            int status = e.getResponse().getStatus();
            String message = "notification-service answered " + status + " to a batch of " + batch.size();
            throw EventSender.refuses(status) ? new Refused(message, e) : new IllegalStateException(message, e);
        }
    }
}
