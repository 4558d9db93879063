package org.clinicalsenate.commons.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpEdgeTest {

    @Test
    void percentEscapesMustStandForUtf8Bytes() {
        assertThat(HttpEdge.wellEncoded("/members?name=Ren%C3%A9e%20Smith")).isTrue();
        assertThat(HttpEdge.wellEncoded("/senates/south-east")).isTrue();
        assertThat(HttpEdge.wellEncoded("name=%ff")).isFalse();
        assertThat(HttpEdge.wellEncoded("name=%C3%28")).isFalse();
        assertThat(HttpEdge.wellEncoded("name=%zz")).isFalse();
        assertThat(HttpEdge.wellEncoded("name=50%")).isFalse();
    }
}
