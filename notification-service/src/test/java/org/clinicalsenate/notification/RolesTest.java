package org.clinicalsenate.notification;

import org.clinicalsenate.testing.RolesMatchContract;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RolesTest extends RolesMatchContract {
}
