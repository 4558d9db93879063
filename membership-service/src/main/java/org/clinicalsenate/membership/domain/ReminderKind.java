package org.clinicalsenate.membership.domain;

import org.clinicalsenate.commons.domain.KebabCase;

/** A reminder to make a return in a declaration round: before the due date, or after it. */
public enum ReminderKind implements KebabCase {
    DUE_SOON, OVERDUE
}
