package org.clinicalsenate.commons.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void theExtraFetchedRowOnlySignalsANextPage() {
        Page<String> page = Page.of(List.of("a", "b", "c"), 2, item -> "after-" + item);
        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.nextCursor()).isEqualTo("after-b");
    }

    @Test
    void theLastPageHasNoCursor() {
        assertThat(Page.of(List.of("a", "b"), 2, item -> "x").nextCursor()).isNull();
    }

    @Test
    void limitDefaultsAndIsBounded() {
        assertThat(Page.limit(null)).isEqualTo(Page.DEFAULT_LIMIT);
        assertThat(Page.limit(0)).isEqualTo(1);
        assertThat(Page.limit(10_000)).isEqualTo(Page.MAX_LIMIT);
    }
}
