package org.clinicalsenate.review;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.clinicalsenate.testing.QueryPlans;
import org.clinicalsenate.testing.Sql;

/** Plain SQL on the service's database, for what the API does not show (outbox rows, counts). */
@ApplicationScoped
public class TestDatabase {

    @Inject
    DataSource dataSource;

    public long count(String sql, Object... parameters) {
        return Sql.count(dataSource, sql, parameters);
    }

    public List<Map<String, Object>> rows(String sql, Object... parameters) {
        return Sql.rows(dataSource, sql, parameters);
    }

    public int update(String sql, Object... parameters) {
        return Sql.update(dataSource, sql, parameters);
    }

    /** See {@link QueryPlans#preferringIndexes}. */
    public String planPreferringIndexes(String sql) {
        return QueryPlans.preferringIndexes(dataSource, sql);
    }

    /** See {@link QueryPlans#preferringTextIndexes}. */
    public String planPreferringTextIndexes(String sql) {
        return QueryPlans.preferringTextIndexes(dataSource, sql);
    }
}
