package org.clinicalsenate.commons.outbox;

import org.clinicalsenate.api.common.model.CloudEvent;

/** Delivers one event to notification-service; throws when it was not accepted. */
public interface EventSender {
    void send(CloudEvent event);
}
