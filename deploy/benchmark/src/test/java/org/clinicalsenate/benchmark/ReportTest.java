package org.clinicalsenate.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void theReportSaysCommitsWereDurableOnlyWhenEverySettingMakesThemSo() {
        assertThat(Report.durability(Map.of("synchronous_commit", "on", "fsync", "on", "full_page_writes", "on")))
                .isEqualTo("`synchronous_commit=on, fsync=on, full_page_writes=on` (durable: a commit is acknowledged"
                        + " once it is on disk)");
        assertThat(Report.durability(Map.of("synchronous_commit", "local", "fsync", "on", "full_page_writes", "on")))
                .contains("(durable");
        assertThat(Report.durability(Map.of("synchronous_commit", "off", "fsync", "on", "full_page_writes", "on")))
                .startsWith("`synchronous_commit=off, fsync=on, full_page_writes=on` (**not durable**");
        assertThat(Report.durability(Map.of("synchronous_commit", "on", "fsync", "off", "full_page_writes", "on")))
                .contains("**not durable**");
        assertThat(Report.durability(Map.of())).contains("synchronous_commit=?").contains("**not durable**");
    }
}
