package org.clinicalsenate.membership.config;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When members still outstanding in their senate's current declaration round are reminded. */
@ConfigMapping(prefix = "senate.declaration-reminders")
public interface DeclarationReminderConfig {

    /** Whether this replica runs the reminder job; several replicas may, each reminder is sent once. */
    @WithDefault("true")
    boolean enabled();

    /** How often the job looks for reminders owed (a reminder is sent once however often it runs). */
    @WithDefault("1h")
    String every();

    /** Days before the due date on which a {@code membership.declaration.due-soon} reminder is owed. */
    @WithDefault("14,7,1")
    List<Integer> dueSoonOffsets();

    /** Days after the due date on which a {@code membership.declaration.overdue} reminder is owed. */
    @WithDefault("1,7,14")
    List<Integer> overdueOffsets();
}
