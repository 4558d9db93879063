package org.clinicalsenate.commons.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which answers to a batch refuse its content (the relay then sends its events one at a time). */
class EventSenderTest {

    @Test
    void aClientErrorAboutWhatWasSentIsARefusal() {
        // 400 bad input, 404/409 id clashes, 413 too large, 415 a receiver without batches, 422 invalid data
        for (int status : new int[] { 400, 404, 409, 413, 415, 422 }) {
            assertThat(EventSender.refuses(status)).as("%d", status).isTrue();
        }
    }

    @Test
    void credentialsThrottlingAndServerFaultsAreNoRefusalSoTheBatchIsRetriedWhole() {
        for (int status : new int[] { 200, 202, 302, 401, 403, 408, 429, 500, 502, 503, 504 }) {
            assertThat(EventSender.refuses(status)).as("%d", status).isFalse();
        }
    }
}
