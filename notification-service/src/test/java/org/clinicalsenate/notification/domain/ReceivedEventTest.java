package org.clinicalsenate.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.junit.jupiter.api.Test;

class ReceivedEventTest {

    private static ReceivedEvent received() {
        ReceivedEvent event = new ReceivedEvent();
        event.eventId = "e-1";
        event.type = "review.advice-request.submitted";
        event.source = "/review-service";
        event.deliveries = 1;
        return event;
    }

    @Test
    void aRedeliveryIsCounted() {
        ReceivedEvent event = received();
        event.redelivered("review.advice-request.submitted", "/review-service");
        event.redelivered("review.advice-request.submitted", "/review-service");
        assertThat(event.deliveries).isEqualTo(3);
    }

    @Test
    void theSameIdWithAnotherTypeIsAConflictAndNotCounted() {
        ReceivedEvent event = received();
        assertThatThrownBy(() -> event.redelivered("review.report.issued", "/review-service"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.CONFLICT))
                .hasMessage("Event e-1 was already received with type review.advice-request.submitted from "
                        + "/review-service; a new event needs a new id");
        assertThat(event.deliveries).isEqualTo(1);
    }

    @Test
    void theSameIdFromAnotherSourceIsAConflict() {
        ReceivedEvent event = received();
        assertThatThrownBy(() -> event.redelivered("review.advice-request.submitted", "/membership-service"))
                .isInstanceOf(ProblemException.class);
        assertThat(event.deliveries).isEqualTo(1);
    }
}
