package org.clinicalsenate.commons.outbox;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;

import org.clinicalsenate.api.common.model.CloudEvent;
import org.clinicalsenate.api.notification.client.ApiException;
import org.clinicalsenate.api.notification.client.ApiExceptionMapper;
import org.clinicalsenate.api.notification.model.ReceivedEventBatch;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * notification-service's {@code POST /events} with a CloudEvents JSON batch. Written by hand because
 * the generated {@code EventsApi} takes one event and reads the answer as one; the same config key
 * gives it the same URL, timeouts and client-credentials filter.
 */
@RegisterRestClient(configKey = "notification")
@RegisterProvider(ApiExceptionMapper.class)
@Path("/events")
public interface EventBatchClient {

    String CLOUDEVENTS_BATCH_JSON = "application/cloudevents-batch+json";

    @POST
    @Consumes(CLOUDEVENTS_BATCH_JSON)
    @Produces({ MediaType.APPLICATION_JSON, "application/problem+json" })
    ReceivedEventBatch receiveEventBatch(List<CloudEvent> events) throws ApiException, ProcessingException;
}
