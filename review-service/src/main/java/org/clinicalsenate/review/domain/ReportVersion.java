package org.clinicalsenate.review.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.clinicalsenate.commons.domain.KebabCase;
import org.clinicalsenate.commons.problem.ProblemException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of the panel's report: its sections, numbered recommendations and the panel's
 * assessment of the service-change tests. Never edited: a change is a new version. The panel and
 * declarations sections are not stored here; they are read from the review's records.
 */
@Entity
@Table(name = "report_version")
public class ReportVersion {

    public static final String ENTITY_TYPE = "report";

    private static final String TEST_3 = ServiceChangeTest.TEST_3_CLINICAL_EVIDENCE_BASE.value();
    private static final String TEST_5 = ServiceChangeTest.TEST_5_BED_CLOSURES.value();

    /** A recommendation; {@code number} is its place in the report (from 1). Values are the contract's. */
    public record Recommendation(int number, String text, String theme, String priority, String evidenceStrength) {
    }

    /** The panel's assessment of Test 3 or Test 5; {@code conditionsMet} only for Test 5. */
    public record TestAssessment(String test, String assessment, String reasoning, List<String> conditionsMet) {
    }

    @Id
    public UUID id;

    @Column(name = "advice_request_id", nullable = false, updatable = false)
    public UUID adviceRequestId;

    @Column(name = "version_no", nullable = false, updatable = false)
    public int version;

    @Column(name = "executive_summary", nullable = false, updatable = false)
    public String executiveSummary;

    @Column(nullable = false, updatable = false)
    public String background;

    @Column(nullable = false, updatable = false)
    public String method;

    @Column(nullable = false, updatable = false)
    public String findings;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public List<Recommendation> recommendations = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "test_assessments", nullable = false, updatable = false)
    public List<TestAssessment> testAssessments = new ArrayList<>();

    @Column(name = "drafted_by", nullable = false, updatable = false)
    public String draftedBy;

    @Column(name = "drafted_at", nullable = false, updatable = false)
    public Instant draftedAt;

    /**
     * Makes this version {@code version} of the request's report, checking what a version must say
     * (422 naming the field): known themes; only Test 3 and Test 5 assessed, each once; Test 3
     * assessed when the signed-off terms include it, Test 5 when the proposal closes beds; only
     * Test 5 names conditions met.
     */
    public void draftFor(UUID adviceRequestId, int version, TermsOfReference terms, String by, Instant at) {
        for (int i = 0; i < recommendations.size(); i++) {
            String theme = recommendations.get(i).theme();
            try {
                KebabCase.fromValue(RecommendationTheme.class, theme);
            } catch (IllegalArgumentException unknown) {
                throw ProblemException.ruleViolated("recommendations[" + i + "].theme", "is not a theme: '" + theme
                        + "' (see RecommendationTheme)");
            }
        }
        Set<String> assessed = new HashSet<>();
        for (int i = 0; i < testAssessments.size(); i++) {
            TestAssessment assessment = testAssessments.get(i);
            String field = "testAssessments[" + i + "]";
            if (!TEST_3.equals(assessment.test()) && !TEST_5.equals(assessment.test())) {
                throw ProblemException.ruleViolated(field + ".test", "must be " + TEST_3 + " or " + TEST_5
                        + ": the report assesses those two");
            }
            if (!assessed.add(assessment.test())) {
                throw ProblemException.ruleViolated(field + ".test", "assesses " + assessment.test() + " a second time");
            }
            if (!TEST_5.equals(assessment.test()) && !assessment.conditionsMet().isEmpty()) {
                throw ProblemException.ruleViolated(field + ".conditionsMet", "is only for " + TEST_5);
            }
        }
        if (terms != null && terms.serviceChangeTests.contains(TEST_3) && !assessed.contains(TEST_3)) {
            throw ProblemException.ruleViolated("testAssessments", "must assess " + TEST_3
                    + ": the terms of reference include it");
        }
        if (terms != null && terms.bedsClose && !assessed.contains(TEST_5)) {
            throw ProblemException.ruleViolated("testAssessments", "must assess " + TEST_5
                    + ": the proposal closes beds");
        }
        this.id = UUID.randomUUID();
        this.adviceRequestId = adviceRequestId;
        this.version = version;
        this.draftedBy = by;
        this.draftedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** Whether the report has a recommendation of this number. */
    public boolean hasRecommendation(int number) {
        return number >= 1 && number <= recommendations.size();
    }
}
