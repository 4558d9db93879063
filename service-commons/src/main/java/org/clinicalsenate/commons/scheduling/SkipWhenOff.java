package org.clinicalsenate.commons.scheduling;

import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * Skips a scheduled job where its configuration switches it off, and while the application starts
 * or stops (the database may be gone). A job's {@code skipExecutionIf} names a {@code @Singleton}
 * subclass that says whether the job is on.
 */
public abstract class SkipWhenOff implements Scheduled.SkipPredicate {

    @Inject
    protected Scheduled.ApplicationNotRunning notRunning;

    /** Whether this replica runs the job. */
    protected abstract boolean enabled();

    @Override
    public boolean test(ScheduledExecution execution) {
        return !enabled() || notRunning.test(execution);
    }
}
