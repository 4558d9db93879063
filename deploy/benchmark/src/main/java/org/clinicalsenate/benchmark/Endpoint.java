package org.clinicalsenate.benchmark;

import java.net.http.HttpRequest;
import java.util.function.LongFunction;

/**
 * One operation under load: {@code request} builds the n-th request of a phase (so that a phase
 * can go round the senates, or give each create its own Idempotency-Key).
 */
record Endpoint(String name, String label, LongFunction<HttpRequest> request) {
}
