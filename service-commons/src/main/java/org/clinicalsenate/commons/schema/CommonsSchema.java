package org.clinicalsenate.commons.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * The tables every service has (audit log, outbox, idempotency keys) are migrated by
 * service-commons' scripts, {@code db/commons/C<n>__*.sql}, with a history of their own
 * ({@value #HISTORY_TABLE}), before the service migrates its own tables
 * ({@code db/migration/V<n>__*.sql}, history {@code flyway_schema_history}). Two histories, so a
 * new commons script can never sort below versions a service has already applied (Flyway refuses
 * such a script on every existing database).
 * <p>
 * Quarkus configures the service's Flyway with the scripts of both folders; the prefixes keep
 * them apart ({@code V} for the service, {@value #PREFIX} for commons). Databases created before
 * the histories were split have the first commons script ({@value #LEGACY_SCRIPT}) in the
 * service's history: the commons history then starts from version 1, and the entry is removed
 * from the service's history.
 */
@Singleton
public class CommonsSchema implements FlywayConfigurationCustomizer {

    public static final String HISTORY_TABLE = "flyway_commons_history";
    static final String PREFIX = "C";
    static final String LEGACY_SCRIPT = "V0_1__commons.sql";

    @ConfigProperty(name = "quarkus.flyway.migrate-at-start", defaultValue = "false")
    boolean migrateAtStart;

    @Override
    public void customize(FluentConfiguration serviceConfiguration) {
        if (migrateAtStart) {
            prepare(serviceConfiguration);
        }
    }

    /**
     * Migrates the commons tables, then makes the service's configuration ready to migrate its own:
     * the commons tables exist before the service's first migration, which is not a schema of unknown
     * history, so the service's history starts empty (version 0) and all its scripts run.
     */
    public static void prepare(FluentConfiguration serviceConfiguration) {
        migrate(serviceConfiguration);
        serviceConfiguration.baselineOnMigrate(true).baselineVersion("0");
    }

    /** Migrates the commons tables of the service's database, before the service's own migration. */
    public static void migrate(Configuration serviceConfiguration) {
        DataSource dataSource = serviceConfiguration.getDataSource();
        String serviceHistory = serviceConfiguration.getTable();
        boolean legacy = hasLegacyEntry(dataSource, serviceHistory);
        Flyway.configure(serviceConfiguration.getClassLoader())
                .configuration(serviceConfiguration)
                .table(HISTORY_TABLE)
                .sqlMigrationPrefix(PREFIX)
                // a database migrated before the split already has the tables of C1
                .baselineOnMigrate(legacy)
                .baselineVersion("1")
                .baselineDescription("commons tables migrated in the history of the service")
                .load()
                .migrate();
        if (legacy) {
            // only once the commons history has taken over: a failure before leaves both as they were
            execute(dataSource, "DELETE FROM " + serviceHistory + " WHERE script = ?");
        }
    }

    private static boolean hasLegacyEntry(DataSource dataSource, String serviceHistory) {
        try (Connection c = dataSource.getConnection()) {
            if (!exists(c, serviceHistory)) {
                return false;
            }
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT count(*) FROM " + serviceHistory + " WHERE script = ?")) {
                query.setString(1, LEGACY_SCRIPT);
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next() && rs.getLong(1) > 0;
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("Cannot read " + serviceHistory, e);
        }
    }

    private static void execute(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, LEGACY_SCRIPT);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new FlywayException("Cannot run " + sql, e);
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
