package org.clinicalsenate.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;

import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Validates every request and response against the contract the service serves (its
 * {@code META-INF/openapi.yaml}, bundled from api-spec). A test that sends a deliberately invalid
 * request marks it with {@link #INVALID_REQUEST} so that only the response is validated: the
 * problem response must still match the contract.
 */
public final class ContractFilter implements OrderedFilter {

    /** Header (removed before sending) marking a request as deliberately breaking the contract. */
    public static final String INVALID_REQUEST = "X-Test-Invalid-Request";

    /** Prefix of endpoints that exist only in a test's application (e.g. one that fails on purpose). */
    public static final String TEST_ONLY_PATH = "/test-only/";

    private final OpenApiInteractionValidator validator;

    public ContractFilter() {
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(servedContract())
                .withResolveCombinators(true) // allOf compositions validate as one object
                // security is asserted by the tests themselves, including requests without a token
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        boolean invalidOnPurpose = request.getHeaders().hasHeaderWithName(INVALID_REQUEST);
        if (invalidOnPurpose) {
            request.removeHeader(INVALID_REQUEST);
        }
        // the raw path: a decoded control character or line break in a path parameter would hide the operation
        String path = URI.create(request.getURI()).getRawPath();
        if (path.startsWith("/q/") || path.startsWith(TEST_ONLY_PATH)) {
            return context.next(request, response); // Quarkus' own and test-only endpoints are not in the contract
        }
        if (!invalidOnPurpose) {
            fail("Request", validator.validateRequest(RestAssuredRequest.of(request)));
        }
        Response result = context.next(request, response);
        fail("Response", validator.validateResponse(path, Request.Method.valueOf(request.getMethod()),
                RestAssuredResponse.of(result)));
        return result;
    }

    private static void fail(String what, ValidationReport report) {
        if (report.hasErrors()) {
            throw new AssertionError(what + " breaks the contract:\n"
                    + SimpleValidationReportFormat.getInstance().apply(report));
        }
    }

    private static String servedContract() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("No META-INF/openapi.yaml on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        return 1000;
    }
}
