package org.clinicalsenate.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.testing.Api.anonymous;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UnexpectedErrorTest {

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void aBugIsA500ProblemWithACorrelationIdThatIsLoggedButNoStackTrace() {
        var response = anonymous().get("/test-only/failure").then().statusCode(500)
                .contentType("application/problem+json").extract();
        String body = response.asString();
        String correlationId = response.path("correlationId");
        assertThat(correlationId).isNotBlank();
        assertThat((String) response.path("type")).isEqualTo("urn:clinical-senate:problem:internal");
        assertThat(body).doesNotContain("secret internal detail", "IllegalStateException", "at org.");
        assertThat(logged).anySatisfy(record -> {
            assertThat(record.getThrown()).hasMessage("secret internal detail");
            assertThat(formatted(record)).contains(correlationId);
        });
    }

    @Test
    void aUniqueViolationFromTheDatabaseIsA409ThatIsLoggedWithTheConstraintButNotTheValues() {
        String body = anonymous().post("/test-only/duplicate-senate").then().statusCode(409)
                .contentType("application/problem+json").extract().asString();
        assertThat(body).contains("urn:clinical-senate:problem:conflict").doesNotContain("senate_pkey", "london)");
        assertThat(logged).anySatisfy(record -> {
            assertThat(record.getLevel().intValue()).isEqualTo(Level.WARNING.intValue());
            assertThat(formatted(record))
                    .isEqualTo("Unique violation answered 409 on /test-only/duplicate-senate (constraint senate_pkey)");
        });
        assertThat(anonymous().get("/senates/london").then().statusCode(200).extract().<String>path("name"))
                .isNotEqualTo("Another London");
    }

    private static String formatted(LogRecord record) {
        if (record instanceof org.jboss.logmanager.ExtLogRecord ext) {
            return ext.getFormattedMessage();
        }
        return record.getMessage();
    }
}
