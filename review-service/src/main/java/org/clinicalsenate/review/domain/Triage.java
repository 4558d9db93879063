package org.clinicalsenate.review.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.clinicalsenate.api.common.model.FieldError;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;

/**
 * A triage decision as asked for, checked against what each decision takes: {@code accept} a lead
 * (and perhaps another kind), {@code decline} a reason, {@code redirect} a reason and one target,
 * another senate or a named body; only an accepted review is marked confidential (left out of the
 * public advice and review log). Anything else is a 422 problem naming each field at fault.
 *
 * @param senate the senate of the request (a redirect must name another one)
 */
public record Triage(TriageDecision decision, AdviceRequestKind kind, UUID lead, String reason,
        String redirectedToSenate, String redirectedToBody, boolean confidential) {

    public Triage requireValidFor(String senate) {
        List<FieldError> errors = new ArrayList<>();
        switch (decision) {
            case ACCEPT -> {
                require(errors, lead != null, "lead", "is required to accept: the member who leads the review");
                absent(errors, reason, "reason");
                absent(errors, redirectedToSenate != null || redirectedToBody != null, "redirectedTo");
            }
            case DECLINE -> {
                require(errors, reason != null, "reason", "is required to decline");
                absent(errors, confidential, "confidential");
                absent(errors, kind, "kind");
                absent(errors, lead, "lead");
                absent(errors, redirectedToSenate != null || redirectedToBody != null, "redirectedTo");
            }
            case REDIRECT -> {
                require(errors, reason != null, "reason", "is required to redirect");
                require(errors, (redirectedToSenate == null) != (redirectedToBody == null), "redirectedTo",
                        "names either a senate or a body, one of the two");
                require(errors, !senate.equals(redirectedToSenate), "redirectedTo.senate",
                        "is the request's own senate: accept or decline it instead");
                absent(errors, confidential, "confidential");
                absent(errors, kind, "kind");
                absent(errors, lead, "lead");
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.RULE_VIOLATED, errors.size() == 1
                    ? errors.get(0).getField() + " " + errors.get(0).getMessage()
                    : errors.size() + " fields do not fit the decision " + decision.value(), errors, List.of());
        }
        return this;
    }

    private static void require(List<FieldError> errors, boolean condition, String field, String message) {
        if (!condition) {
            errors.add(new FieldError(field, message));
        }
    }

    private void absent(List<FieldError> errors, Object value, String field) {
        absent(errors, value != null, field);
    }

    private void absent(List<FieldError> errors, boolean present, String field) {
        require(errors, !present, field, "does not belong to the decision " + decision.value());
    }
}
