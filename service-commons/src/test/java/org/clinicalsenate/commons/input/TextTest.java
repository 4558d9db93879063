package org.clinicalsenate.commons.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void multiLineTextInJsonMayHoldTabsAndLineBreaksButNoOtherControl() {
        assertThat(Text.firstForbiddenInJson("Line one\r\n\tline two")).isEqualTo(-1);
        assertThat(Text.firstForbiddenInJson("Smith\u0000")).isEqualTo(5);
        assertThat(Text.firstForbiddenInJson("a\u007fb")).isEqualTo(1);
        assertThat(Text.firstForbiddenInJson("a\u0085b")).isEqualTo(1);
    }

    @Test
    void aParameterHoldsNoControlAtAllNotEvenALineBreak() {
        assertThat(Text.firstForbiddenInParameter("south-east")).isEqualTo(-1);
        assertThat(Text.firstForbiddenInParameter("a\tb")).isEqualTo(1);
        assertThat(Text.firstForbiddenInParameter("a\nb")).isEqualTo(1);
    }

    @Test
    void anUnpairedSurrogateIsRefusedButAPairIsText() {
        assertThat(Text.firstForbiddenInJson("smile \ud83d\ude00")).isEqualTo(-1);
        assertThat(Text.firstForbiddenInJson("half \ud83d")).isEqualTo(5);
        assertThat(Text.firstForbiddenInJson("\ude00 low")).isEqualTo(0);
        assertThat(Text.refusal("half \ud83d", 5)).isEqualTo("must be valid Unicode text (unpaired surrogate U+D83D)");
    }

    @Test
    void aRefusalSaysWhichCharacterAndNeverEchoesIt() {
        assertThat(Text.refusal("a\u0000", 1)).isEqualTo("must not contain control characters (U+0000)");
        assertThat(Text.printable("key\u0000\u001b")).isEqualTo("key\\u0000\\u001B");
    }
}
