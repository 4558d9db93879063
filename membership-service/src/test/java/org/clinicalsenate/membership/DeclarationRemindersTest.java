package org.clinicalsenate.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.membership.Declarations.declare;
import static org.clinicalsenate.membership.Declarations.financialInterest;
import static org.clinicalsenate.membership.Declarations.nilReturn;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.clinicalsenate.membership.service.DeclarationReminders;
import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The reminder job, run with an explicit day (its schedule is off in tests), against a senate of
 * each test's own; reminders are read from the outbox, as notification-service will receive them.
 */
@QuarkusTest
class DeclarationRemindersTest {

    private static final LocalDate TODAY = LocalDate.now();
    private static final LocalDate DUE = TODAY.plusDays(30);

    @Inject
    DeclarationReminders reminders;

    @Inject
    MembershipFixtures fixtures;
    String senate;
    UUID round;

    @BeforeEach
    void aSenateWithAnOpenRound() {
        senate = fixtures.senate("reminders");
        round = fixtures.round(senate, DUE.getYear(), DUE);
    }

    private UUID appointed(String name) {
        UUID member = fixtures.member(senate, name, "medicine", null);
        fixtures.appointment(member, senate, "council", "member", TODAY.minusYears(1), TODAY.plusYears(1));
        return member;
    }

    /** The reminder events of a member, oldest first: type and data. */
    private List<Map<String, Object>> events(UUID member) {
        return fixtures.rows("SELECT type, data::text AS data, subject FROM outbox_event "
                + "WHERE aggregate_id = ? AND type LIKE 'membership.declaration.%' ORDER BY seq", member.toString());
    }

    @Test
    void outstandingMembersAreRemindedOncePerOffsetAndThoseWhoMadeTheirReturnAreNot() {
        UUID declared = appointed("Declared Member");
        UUID nil = appointed("Nil Member");
        UUID outstanding = appointed("Outstanding Member");
        declare(Tokens.member(declared.toString()), declared, financialInterest("RHM", TODAY));
        declare(Tokens.member(nil.toString()), nil, nilReturn());

        reminders.remind(DUE.minusDays(7));

        assertThat(events(declared)).isEmpty();
        assertThat(events(nil)).isEmpty();
        List<Map<String, Object>> sent = events(outstanding);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).containsEntry("type", "membership.declaration.due-soon")
                .containsEntry("subject", outstanding.toString());
        assertThat((String) sent.get(0).get("data"))
                .contains("\"roundId\": \"" + round + "\"", "\"senate\": \"" + senate + "\"",
                        "\"year\": " + DUE.getYear(), "\"dueDate\": \"" + DUE + "\"",
                        "\"memberId\": \"" + outstanding + "\"", "\"offsetDays\": 7")
                .as("never contact details").doesNotContain("@").doesNotContainIgnoringCase("email");

        // the same day again, and a later day still owing the 7-day reminder: nothing more
        reminders.remind(DUE.minusDays(7));
        reminders.remind(DUE.minusDays(5));
        assertThat(events(outstanding)).hasSize(1);

        reminders.remind(DUE.minusDays(1));
        assertThat(events(outstanding)).hasSize(2);
        assertThat((String) events(outstanding).get(1).get("data")).contains("\"offsetDays\": 1");
        assertThat(fixtures.count("SELECT count(*) FROM declaration_reminder WHERE round_id = ? AND member_id = ?",
                round, outstanding)).isEqualTo(2);
    }

    @Test
    void afterTheDueDateTheOverdueRemindersGoOutAtTheirOffsets() {
        UUID late = appointed("Late Member");
        UUID catchesUp = appointed("Catches Up");

        reminders.remind(DUE.plusDays(1));
        assertThat(events(late)).extracting(e -> e.get("type")).containsExactly("membership.declaration.overdue");
        assertThat((String) events(late).get(0).get("data")).contains("\"offsetDays\": 1");

        declare(Tokens.member(catchesUp.toString()), catchesUp, nilReturn());
        reminders.remind(DUE.plusDays(3));
        // a job that did not run for a fortnight sends the latest reminder owed, not the backlog
        reminders.remind(DUE.plusDays(20));

        assertThat(events(late)).hasSize(2);
        assertThat((String) events(late).get(1).get("data")).contains("\"offsetDays\": 14");
        assertThat(events(catchesUp)).hasSize(1);
    }

    @Test
    void nothingIsOwedBeforeTheFirstOffsetNorForAnEarlierRound() {
        UUID member = appointed("Early Member");
        reminders.remind(DUE.minusDays(15));
        assertThat(events(member)).isEmpty();

        // once next year's round is opened, this round is no longer current: no overdue reminders for it
        fixtures.round(senate, DUE.getYear() + 1, DUE.plusYears(1));
        reminders.remind(DUE.plusDays(1));
        assertThat(events(member)).isEmpty();
    }

    @Test
    void twoReplicasRunningTheJobAtOnceSendEachReminderOnce() throws Exception {
        List<UUID> members = List.of(appointed("Replica One"), appointed("Replica Two"), appointed("Replica Three"));
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> run = () -> reminders.remind(DUE.minusDays(14));
            List<Future<Integer>> runs = replicas.invokeAll(List.of(run, run));
            for (Future<Integer> finished : runs) {
                finished.get();
            }
        } finally {
            replicas.shutdown();
        }
        for (UUID member : members) {
            assertThat(events(member)).as("member " + member).hasSize(1);
        }
    }
}
