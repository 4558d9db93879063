package org.clinicalsenate.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.clinicalsenate.commons.schema.CommonsSchema;
import org.clinicalsenate.testing.PostgresResource;
import org.clinicalsenate.testing.Sql;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database created by the migrations before service-commons' scripts had a history of their own
 * (commons' V0_1 in the service's history) upgrades as the service migrates at start: the commons
 * history takes over from version 1, the newer commons and service scripts run, and the data stays.
 */
class SchemaUpgradeTest {

    private final PostgresResource postgres = new PostgresResource();
    private DataSource database;

    @BeforeEach
    void aDatabaseMigratedBeforeTheSplit() {
        Map<String, String> config = postgres.start();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(config.get("quarkus.datasource.jdbc.url"));
        dataSource.setUser(config.get("quarkus.datasource.username"));
        dataSource.setPassword(config.get("quarkus.datasource.password"));
        database = dataSource;
        // the last layout before the split: one history, commons' V0_1 sorted first, the service's V1 to V5.5
        Flyway.configure().dataSource(database)
                .locations("classpath:db/before-split", "classpath:db/migration")
                .target("5.5")
                .load().migrate();
        Sql.update(database, "INSERT INTO member (id, senate, name, profession, email) VALUES "
                + "('0b6f2c1e-6a0d-4c55-9d7e-3f1a2b3c4d5e', 'london', 'Dr Kept', 'medicine', 'kept@example.org')");
        Sql.update(database, "INSERT INTO audit_log (actor, action, entity_type, entity_id) "
                + "VALUES ('admin', 'created', 'member', '0b6f2c1e-6a0d-4c55-9d7e-3f1a2b3c4d5e')");
    }

    @AfterEach
    void dropIt() {
        postgres.stop();
    }

    @Test
    void theServiceMigratesItAtStartKeepingEverything() {
        migrateAsTheServiceDoesAtStart();

        assertThat(versions("flyway_commons_history")).containsExactly("1", "2", "3");
        assertThat(Sql.rows(database, "SELECT type FROM flyway_commons_history WHERE version = '1'"))
                .extracting(row -> row.get("type")).containsExactly("BASELINE");
        assertThat(versions("flyway_schema_history")).doesNotContain("0.1").contains("5.5", "6", "7");
        // the data is still there, and the newer scripts' columns with it
        assertThat(Sql.count(database, "SELECT count(*) FROM member WHERE name = 'Dr Kept'")).isEqualTo(1);
        assertThat(Sql.count(database, "SELECT count(*) FROM audit_log")).isEqualTo(1);
        assertThat(Sql.count(database, "SELECT count(*) FROM information_schema.columns "
                + "WHERE table_name = 'outbox_event' AND column_name IN ('traceparent', 'dead_at')")).isEqualTo(2);

        // the next start finds nothing to do, and both histories validate
        migrateAsTheServiceDoesAtStart();
        assertThat(versions("flyway_commons_history")).containsExactly("1", "2", "3");
    }

    @Test
    void aNewDatabaseGetsBothHistoriesFromTheStart() {
        postgres.stop();
        Map<String, String> config = postgres.start();
        PGSimpleDataSource fresh = new PGSimpleDataSource();
        fresh.setUrl(config.get("quarkus.datasource.jdbc.url"));
        fresh.setUser(config.get("quarkus.datasource.username"));
        database = fresh;

        migrateAsTheServiceDoesAtStart();

        assertThat(versions("flyway_commons_history")).containsExactly("1", "2", "3");
        assertThat(Sql.rows(database, "SELECT type FROM flyway_commons_history WHERE version = '1'"))
                .extracting(row -> row.get("type")).containsExactly("SQL");
        assertThat(versions("flyway_schema_history")).startsWith("0", "1").contains("7");
    }

    /** What Quarkus does at start with migrate-at-start: configure, let the customizer prepare, migrate. */
    private void migrateAsTheServiceDoesAtStart() {
        FluentConfiguration service = Flyway.configure().dataSource(database)
                .locations("classpath:db/migration", "classpath:db/commons");
        CommonsSchema.prepare(service);
        Flyway flyway = service.load();
        flyway.migrate();
        flyway.validate();
    }

    private List<String> versions(String history) {
        return Sql.rows(database, "SELECT version FROM " + history + " WHERE success ORDER BY installed_rank").stream()
                .map(row -> String.valueOf(row.get("version"))).toList();
    }
}
