package org.clinicalsenate.review.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.clinicalsenate.commons.domain.KebabCase;
import org.clinicalsenate.testing.ContractEnums;
import org.junit.jupiter.api.Test;

/** The domain's kinds and statuses are the contract's, value for value, and are stored as such. */
class AdviceRequestEnumsTest {

    @Test
    void kindsAreTheContractsAndRoundTripThroughTheDatabaseColumn() {
        assertThat(Arrays.stream(AdviceRequestKind.values()).map(AdviceRequestKind::value))
                .containsExactlyElementsOf(Arrays.stream(org.clinicalsenate.api.review.model.AdviceRequestKind.values())
                        .map(Object::toString).toList());
        var converter = new AdviceRequestKind.Db();
        for (AdviceRequestKind kind : AdviceRequestKind.values()) {
            assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(kind))).isEqualTo(kind);
        }
        assertThat(converter.convertToDatabaseColumn(AdviceRequestKind.EARLY_ADVICE)).isEqualTo("early-advice");
        assertThatThrownBy(() -> KebabCase.fromValue(AdviceRequestKind.class, "EARLY_ADVICE")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusesAreTheContractsAndRoundTripThroughTheDatabaseColumn() {
        // an open list in the contract: the values the server can answer with are exactly these
        assertThat(Arrays.stream(AdviceRequestStatus.values()).map(AdviceRequestStatus::value))
                .containsExactlyElementsOf(ContractEnums.values("AdviceRequestStatus"));
        var converter = new AdviceRequestStatus.Db();
        for (AdviceRequestStatus status : AdviceRequestStatus.values()) {
            assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(status))).isEqualTo(status);
        }
        assertThat(converter.convertToDatabaseColumn(AdviceRequestStatus.FACTUAL_ACCURACY_CHECK))
                .isEqualTo("factual-accuracy-check");
        assertThat(AdviceRequestStatus.INITIAL).isEqualTo(AdviceRequestStatus.RECEIVED);
    }

    @Test
    void aSubmittedRequestIsReceivedWithTheDatabasesPrecision() {
        AdviceRequest request = new AdviceRequest();
        request.submit("requester-QRL", java.time.Instant.parse("2026-11-23T10:15:30.123456789Z"));
        assertThat(request.id).isNotNull();
        assertThat(request.status).isEqualTo(AdviceRequestStatus.RECEIVED);
        assertThat(request.submittedBy).isEqualTo("requester-QRL");
        assertThat(request.submittedAt).isEqualTo(java.time.Instant.parse("2026-11-23T10:15:30.123456Z"));
        assertThat(request.updatedAt).isEqualTo(request.submittedAt);
    }
}
