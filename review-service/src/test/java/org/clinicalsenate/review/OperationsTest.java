package org.clinicalsenate.review;

import org.clinicalsenate.testing.OperationsContract;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsTest extends OperationsContract {

    @Override
    protected String contract() {
        return "review";
    }
}
