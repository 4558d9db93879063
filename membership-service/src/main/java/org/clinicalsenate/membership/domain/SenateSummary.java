package org.clinicalsenate.membership.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A senate as its list shows it: a projection, read without loading the entity. */
public record SenateSummary(String slug, String name, String region, List<String> coveredIcbs, LocalDate activeFrom,
        LocalDate activeTo, List<String> predecessors, int maxTermYears, int maxConsecutiveTerms, int councilSeats,
        Instant createdAt, Instant updatedAt) {
}
