package org.clinicalsenate.membership.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import org.clinicalsenate.api.events.model.DeclarationDueSoon;
import org.clinicalsenate.api.events.model.DeclarationOverdue;
import org.clinicalsenate.api.events.model.DeclarationReminderLinks;
import org.clinicalsenate.commons.database.DatabaseOutage;
import org.clinicalsenate.commons.outbox.Outbox;
import org.clinicalsenate.commons.scheduling.QuietDuringDatabaseOutage;
import org.clinicalsenate.commons.scheduling.SkipWhenOff;
import org.clinicalsenate.membership.config.DeclarationReminderConfig;
import org.clinicalsenate.membership.domain.DeclarationRound;
import org.clinicalsenate.membership.domain.ReminderSchedule;
import org.clinicalsenate.membership.domain.ReminderSchedule.Reminder;
import org.clinicalsenate.membership.repository.SenateRepository;
import org.clinicalsenate.membership.service.Rosters.Return;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Reminds the members still outstanding in their senate's current round, through the outbox
 * ({@code membership.declaration.due-soon} and {@code .overdue} events; notification-service
 * reaches the member). Each reminder (round, member, kind, offset) is sent once: its row in
 * {@code declaration_reminder} is inserted with the event in one transaction, and a replica
 * that finds the row already there sends nothing, so several replicas may run the job.
 */
@ApplicationScoped
public class DeclarationReminders {

    private static final Logger LOG = Logger.getLogger(DeclarationReminders.class);

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    SenateRepository senates;

    @Inject
    Rosters rosters;

    @Inject
    Outbox outbox;

    @Inject
    DeclarationReminderConfig config;

    @Scheduled(identity = "declaration-reminders", every = "${senate.declaration-reminders.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = RemindersDisabled.class)
    @QuietDuringDatabaseOutage
    void remindScheduled() {
        remind(LocalDate.now(clock));
    }

    /** Sends the reminders owed on {@code today}, one transaction per round; returns how many were sent. */
    public int remind(LocalDate today) {
        ReminderSchedule schedule = new ReminderSchedule(config.dueSoonOffsets(), config.overdueOffsets());
        List<DeclarationRound> rounds = QuarkusTransaction.requiringNew().call(() -> currentRoundsOfActiveSenates(today));
        int sent = 0;
        for (DeclarationRound round : rounds) {
            Optional<Reminder> owed = schedule.owedOn(round.dueDate, today);
            if (owed.isEmpty()) {
                continue;
            }
            try {
                sent += QuarkusTransaction.requiringNew().call(() -> remindOutstanding(round, owed.get(), today));
            } catch (RuntimeException e) {
                if (DatabaseOutage.causes(e)) {
                    throw e; // no other senate can be reminded either; the job says so once
                }
                // the next run tries again; the other senates' members are still reminded now
                LOG.warnf(e, "Reminders of the %d round of %s not sent", round.year, round.senate);
            }
        }
        return sent;
    }

    private List<DeclarationRound> currentRoundsOfActiveSenates(LocalDate today) {
        List<String> active = senates.listAll().stream()
                .filter(senate -> senate.isActiveOn(today)).map(senate -> senate.slug).toList();
        return rosters.currentRounds(active).values().stream()
                .sorted(Comparator.comparing((DeclarationRound round) -> round.senate)).toList();
    }

    private int remindOutstanding(DeclarationRound round, Reminder reminder, LocalDate today) {
        // a fixed order, so that two replicas inserting the same rows wait for each other instead of deadlocking
        List<UUID> appointed = rosters.servingMemberIds(round.senate, round.membershipDay(today)).stream().sorted().toList();
        Map<UUID, Rosters.RoundReturn> returns = rosters.returns(round.id, appointed);
        int sent = 0;
        for (UUID member : appointed) {
            if (returns.get(member).status() == Return.OUTSTANDING && claim(round, member, reminder)) {
                outbox.publish(member.toString(), event(round, member, reminder));
                sent++;
            }
        }
        return sent;
    }

    /** True when this reminder had not been sent yet (and is now recorded as sent). */
    private boolean claim(DeclarationRound round, UUID member, Reminder reminder) {
        return em.createNativeQuery("""
                INSERT INTO declaration_reminder (round_id, member_id, kind, offset_days)
                VALUES (:round, :member, :kind, :offset)
                ON CONFLICT DO NOTHING
                """)
                .setParameter("round", round.id)
                .setParameter("member", member)
                .setParameter("kind", reminder.kind().value())
                .setParameter("offset", reminder.offsetDays())
                .executeUpdate() == 1;
    }

    /** Ids and links only: notification-service looks up how to reach the member; never contact details here. */
    private static Object event(DeclarationRound round, UUID member, Reminder reminder) {
        DeclarationReminderLinks links = new DeclarationReminderLinks()
                .round("/declaration-rounds/" + round.id)
                .declarations("/members/" + member + "/declarations");
        return switch (reminder.kind()) {
            case DUE_SOON -> new DeclarationDueSoon().memberId(member).roundId(round.id).senate(round.senate)
                    .year(round.year).dueDate(round.dueDate).offsetDays(reminder.offsetDays()).links(links);
            case OVERDUE -> new DeclarationOverdue().memberId(member).roundId(round.id).senate(round.senate)
                    .year(round.year).dueDate(round.dueDate).offsetDays(reminder.offsetDays()).links(links);
        };
    }

    /** Skips the job where it is switched off, and while the application starts or stops. */
    @Singleton
    public static class RemindersDisabled extends SkipWhenOff {
        @Inject
        DeclarationReminderConfig config;

        @Override
        protected boolean enabled() {
            return config.enabled();
        }
    }
}
