package org.clinicalsenate.commons.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.transaction.RollbackException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class DatabaseOutageTest {

    @Test
    void aConnectionThatCannotBeOpenedOrBreaksIsAnOutage() {
        PSQLException refused = new PSQLException("Connection to 127.0.0.1:5432 refused",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        PSQLException broken = new PSQLException("An I/O error occurred while sending to the backend",
                PSQLState.CONNECTION_FAILURE);
        assertThat(DatabaseOutage.causes(new JDBCConnectionException("Unable to acquire JDBC Connection", refused)))
                .isTrue();
        assertThat(DatabaseOutage.causes(new IllegalStateException("wrapped", broken))).isTrue();
    }

    @Test
    void aServerShuttingDownRestartingOrRecoveringIsAnOutage() {
        for (String state : new String[] { "57P01", "57P02", "57P03", "53300" }) {
            assertThat(DatabaseOutage.causes(new SQLException("FATAL", state))).as(state).isTrue();
        }
    }

    @Test
    void aConnectionFailureAttachedAsSuppressedCountsAsATransactionManagerReportsAFailedCommitSo() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new SQLException("This connection has been closed.", "08003"));
        assertThat(DatabaseOutage.causes(commit)).isTrue();
    }

    @Test
    void thePoolGivingUpWaitingForAConnectionIsAnOutage() {
        assertThat(DatabaseOutage.causes(new SQLException("Sorry, acquisition timeout!"))).isTrue();
        assertThat(DatabaseOutage.causes(new SQLException("Acquisition timeout while waiting for new connection")))
                .isTrue();
    }

    @Test
    void badDataAndBugsAreNotAnOutage() {
        assertThat(DatabaseOutage.causes(new ConstraintViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505"), "pk"))).isFalse();
        assertThat(DatabaseOutage.causes(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseOutage.causes(new SQLException("no state"))).isFalse();
        assertThat(DatabaseOutage.causes(new NullPointerException())).isFalse();
    }

    @Test
    void aCauseChainThatLoopsEndsTheSearch() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(DatabaseOutage.causes(first)).isFalse();
    }
}
