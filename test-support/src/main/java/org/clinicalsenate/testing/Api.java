package org.clinicalsenate.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Entry point of every component test request: contract validation on, JSON by default.
 * Loading this class installs the contract filter for all REST-assured requests of the JVM.
 */
public final class Api {

    static {
        RestAssured.filters(new ContractFilter());
    }

    private Api() {
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification as(String token) {
        return anonymous().auth().oauth2(token);
    }

    /** For a request that breaks the contract on purpose: only the (problem) response is validated. */
    public static RequestSpecification invalid(RequestSpecification spec) {
        return spec.header(ContractFilter.INVALID_REQUEST, "true");
    }
}
