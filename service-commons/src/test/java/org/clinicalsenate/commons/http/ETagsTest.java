package org.clinicalsenate.commons.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void aVersionIsAStrongETag() {
        assertThat(ETags.of(3)).isEqualTo("\"3\"");
    }

    @Test
    void theCurrentVersionOrAWildcardMatches() {
        assertThatCode(() -> ETags.requireMatch("\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("\"2\", \"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("*", 3)).doesNotThrowAnyException();
    }

    @Test
    void missingIsPreconditionRequiredAndStaleIsPreconditionFailed() {
        assertThatThrownBy(() -> ETags.requireMatch(null, 3)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.type().status).isEqualTo(428));
        assertThatThrownBy(() -> ETags.requireMatch(" ", 3)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.type()).isEqualTo(ProblemType.IF_MATCH_REQUIRED));
        assertThatThrownBy(() -> ETags.requireMatch("\"2\"", 3)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.type().status).isEqualTo(412));
        // a weak or unquoted tag is not the strong tag we issued
        assertThatThrownBy(() -> ETags.requireMatch("3", 3)).isInstanceOf(ProblemException.class);
    }
}
