package org.clinicalsenate.commons.time;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The platform's one clock. Every "now" and "today" of the services comes from the injected
 * {@link Clock}, never from {@code Instant.now()} or the database's {@code now()}, so that tests
 * can move time (the 28-day rule, reminders, retries, stage deadlines). Its zone is England's: a day
 * of the platform (a declaration's date, "today" of the register, a due date) is a day in England.
 */
@Singleton
public class Clocks {

    /** The zone of the platform's dates. */
    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.system(ENGLAND);
    }
}
