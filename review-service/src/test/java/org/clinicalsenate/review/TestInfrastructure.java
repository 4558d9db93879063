package org.clinicalsenate.review;

import org.clinicalsenate.testing.IssuerResource;
import org.clinicalsenate.testing.PostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every @QuarkusTest of this service runs on a real PostgreSQL, the local OIDC issuer, a real
 * HTTP receiver standing in for notification-service, and an HTTP stub of membership-service.
 */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(value = IssuerResource.class, initArgs = @ResourceArg(name = "client", value = "review-service"))
@QuarkusTestResource(NotificationReceiverResource.class)
@QuarkusTestResource(MembershipStub.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
