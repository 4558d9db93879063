package org.clinicalsenate.notification;

import org.clinicalsenate.testing.IssuerResource;
import org.clinicalsenate.testing.PostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of this service runs on a real PostgreSQL and the local OIDC issuer. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(value = IssuerResource.class, initArgs = @ResourceArg(name = "client", value = "notification-service"))
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
