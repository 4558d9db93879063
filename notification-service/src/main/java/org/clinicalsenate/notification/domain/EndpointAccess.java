package org.clinicalsenate.notification.domain;

import org.clinicalsenate.commons.security.Caller;

/**
 * May this caller manage this endpoint: its owner (the subject that registered it) and
 * platform-admins. To anyone else it does not exist (404), so that endpoints cannot be probed.
 */
public record EndpointAccess(String subject, boolean platformAdmin) {

    public static EndpointAccess of(Caller caller) {
        return new EndpointAccess(caller.subject(), caller.isPlatformAdmin());
    }

    public boolean manages(WebhookEndpoint endpoint) {
        return platformAdmin || endpoint.owner.equals(subject);
    }
}
