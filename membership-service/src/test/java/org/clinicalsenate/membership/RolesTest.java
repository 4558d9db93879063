package org.clinicalsenate.membership;

import org.clinicalsenate.testing.RolesMatchContract;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RolesTest extends RolesMatchContract {
}
