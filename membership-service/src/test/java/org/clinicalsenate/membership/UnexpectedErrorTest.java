package org.clinicalsenate.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.testing.Api.anonymous;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UnexpectedErrorTest {

    @Test
    void aBugIsA500ProblemWithACorrelationIdThatIsLoggedButNoStackTrace() {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
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
        Logger.getLogger("").addHandler(capture);
        try {
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
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
    }

    private static String formatted(LogRecord record) {
        if (record instanceof org.jboss.logmanager.ExtLogRecord ext) {
            return ext.getFormattedMessage();
        }
        return record.getMessage();
    }
}
