package org.clinicalsenate.commons.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.clinicalsenate.commons.domain.KebabCase;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.junit.jupiter.api.Test;

class OpenEnumsTest {

    enum Status implements KebabCase { NIL_RETURN, OUTSTANDING }

    enum Outcome { CLEAR, CONFLICTED }

    @Test
    void aConstantIsItsKebabValueOrElseItsName() {
        assertThat(OpenEnums.value(Status.NIL_RETURN)).isEqualTo("nil-return");
        assertThat(OpenEnums.value(Outcome.CONFLICTED)).isEqualTo("CONFLICTED");
        assertThat(OpenEnums.value(null)).isNull();
    }

    @Test
    void aKnownValueIsItsConstantAndAnyOtherIsAProblemNamingTheFieldAndTheKnownValues() {
        assertThat(OpenEnums.parse(Status.class, "status", "nil-return")).isEqualTo(Status.NIL_RETURN);
        assertThat(OpenEnums.parse(Status.class, "status", null)).isNull();

        ProblemException unknown = catchThrowableOfType(ProblemException.class,
                () -> OpenEnums.parse(Status.class, "status", "NIL_RETURN"));
        assertThat(unknown.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(unknown.errors()).singleElement().satisfies(e -> {
            assertThat(e.getField()).isEqualTo("status");
            assertThat(e.getMessage()).isEqualTo("must be one of [nil-return, outstanding]");
        });

        ProblemException notAmongThese = catchThrowableOfType(ProblemException.class,
                () -> OpenEnums.parse(List.of(Outcome.CLEAR), "outcome", "CONFLICTED"));
        assertThat(notAmongThese.errors().get(0).getMessage()).isEqualTo("must be one of [CLEAR]");
    }
}
