package org.clinicalsenate.commons.outbox;

import java.util.List;

import org.clinicalsenate.api.common.model.CloudEvent;

/** Delivers events to notification-service; throws when they were not accepted. */
public interface EventSender {

    /** One event. */
    void send(CloudEvent event);

    /**
     * A batch, which notification-service stores whole or not at all.
     *
     * @throws Refused          when notification-service refused the batch's content (some event of it)
     * @throws RuntimeException any other failure (a server fault, no connection, a timeout, the
     *                          service's credentials): the batch as such may succeed later
     */
    void sendBatch(List<CloudEvent> events);

    /**
     * Whether an answer with this status refuses what was sent, rather than failing for a reason of
     * the moment or of configuration: a 4xx other than 401 and 403 (credentials, or the service
     * sending as another source), 408 and 429 (try again later).
     */
    static boolean refuses(int status) {
        return status >= 400 && status < 500 && status != 401 && status != 403 && status != 408 && status != 429;
    }

    /** notification-service refused the content of a batch: at least one of its events will not do. */
    final class Refused extends RuntimeException {
        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
