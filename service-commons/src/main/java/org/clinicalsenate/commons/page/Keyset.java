package org.clinicalsenate.commons.page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

/**
 * The one way to read a list: keyset pagination over a Panache repository. A list names its
 * filters (which also bind its cursors: a cursor is valid only for the list and filters it came
 * from), its sort keys (unique together, all in one direction) and, for a hot list, the projection
 * it reads (only the columns it returns). Each page is one index range scan:
 * {@code where <filters> and (k1, k2) > (:k1, :k2) order by k1, k2 limit n + 1}; the extra row only
 * says that there is a next page.
 *
 * <pre>{@code
 * Page<SenateRow> page = Keyset.over(senates, "senates").select(SenateRow.class)
 *         .filter("activeFrom <= :today", "active", true).param("today", today)
 *         .orderBy(Keyset.Order.ASCENDING, Keyset.key("slug", String.class, SenateRow::slug))
 *         .page(limit, cursor);
 * }</pre>
 *
 * @param <R> the type of the rows: the entity, or the projection
 */
public final class Keyset<E, R> {

    public enum Order {
        ASCENDING(">", "asc"), DESCENDING("<", "desc");

        final String after;
        final String sql;

        Order(String after, String sql) {
            this.after = after;
            this.sql = sql;
        }
    }

    /**
     * A sort key: the attribute path it sorts by (optionally under a function, e.g. {@code lower}),
     * the type of its values and how to read it from a row.
     */
    public record Key<R>(String path, String function, Class<?> type, Function<R, ?> value) {

        String expression(String operand) {
            return function == null ? operand : function + "(" + operand + ")";
        }
    }

    public static <R> Key<R> key(String path, Class<?> type, Function<R, ?> value) {
        return new Key<>(path, null, type, value);
    }

    /** A key compared case-insensitively (e.g. names): {@code lower(path)}. */
    public static <R> Key<R> lowerCaseKey(String path, Function<R, String> value) {
        return new Key<>(path, "lower", String.class, value);
    }

    private final PanacheRepositoryBase<E, ?> repository;
    private final String list;
    private final Class<R> projection;
    private final List<String> conditions;
    private final Map<String, Object> parameters;
    private final Map<String, Object> binding;
    private final Order order;
    private final List<Key<R>> keys;

    private Keyset(PanacheRepositoryBase<E, ?> repository, String list, Class<R> projection, List<String> conditions,
            Map<String, Object> parameters, Map<String, Object> binding, Order order, List<Key<R>> keys) {
        this.repository = repository;
        this.list = list;
        this.projection = projection;
        this.conditions = conditions;
        this.parameters = parameters;
        this.binding = binding;
        this.order = order;
        this.keys = keys;
    }

    /** A list of the repository's entities; {@code list} names it (cursors of one list are not another's). */
    public static <E> Keyset<E, E> over(PanacheRepositoryBase<E, ?> repository, String list) {
        return new Keyset<>(repository, list, null, new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
                Order.ASCENDING, List.of());
    }

    /** Reads only the columns of the projection (a record whose components name the entity's attributes). */
    public <P> Keyset<E, P> select(Class<P> rows) {
        return new Keyset<>(repository, list, rows, conditions, parameters, binding, order, List.of());
    }

    /** A condition without parameters (or whose parameters come from {@link #param}). */
    public Keyset<E, R> where(String condition) {
        conditions.add(condition);
        return this;
    }

    /** A filter the client chose: it narrows the list and binds its cursors. Null means no filter. */
    public Keyset<E, R> filter(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
            binding.put(name, value);
        }
        return this;
    }

    /** A parameter of the conditions that does not bind cursors (e.g. today's date, the caller's scope). */
    public Keyset<E, R> param(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** Binds the list's cursors to a value that is not a parameter (e.g. the round whose members are listed). */
    public Keyset<E, R> bind(String name, Object value) {
        binding.put(name, value);
        return this;
    }

    @SafeVarargs
    public final Keyset<E, R> orderBy(Order direction, Key<R>... sortKeys) {
        return new Keyset<>(repository, list, projection, conditions, parameters, binding, direction, List.of(sortKeys));
    }

    /** The page after {@code cursor} (the first page without one), of at most {@code limit} rows. */
    public Page<R> page(Integer requestedLimit, String cursor) {
        return pageOfAny(requestedLimit, cursor, List.of());
    }

    /**
     * The page of the rows that meet any of {@code alternatives} (conditions, e.g. the caller's
     * several scopes), after {@code cursor}: each alternative is read as its own index range, and the
     * ranges are merged in the list's order (an {@code or} would read neither range in order). No
     * alternatives: all rows.
     */
    public Page<R> pageOfAny(Integer requestedLimit, String cursor, List<String> alternatives) {
        if (keys.isEmpty()) {
            throw new IllegalStateException("The list " + list + " has no sort keys");
        }
        int limit = Page.limit(requestedLimit);
        String bindingText = list + binding.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&", "?", ""));
        List<String> after = Cursor.decode(cursor, bindingText, keys.size());
        List<R> fetched;
        if (alternatives.size() <= 1) {
            fetched = fetch(alternatives.isEmpty() ? null : alternatives.get(0), after, limit);
        } else {
            // each range brings at most a page; merged in order, a row found by two ranges kept once
            Map<List<String>, R> merged = new TreeMap<>(rowOrder());
            for (String alternative : alternatives) {
                fetch(alternative, after, limit).forEach(row -> merged.putIfAbsent(keyValues(row), row));
            }
            fetched = merged.values().stream().limit(limit + 1L).toList();
        }
        return Page.of(fetched, limit, last -> Cursor.encode(bindingText, keyValues(last)));
    }

    /** At most {@code limit + 1} rows after the cursor's keys, meeting the list's conditions and {@code extra}. */
    private List<R> fetch(String extra, List<String> after, int limit) {
        List<String> where = new ArrayList<>(conditions);
        if (extra != null) {
            where.add("(" + extra + ")");
        }
        Parameters query = new Parameters();
        // an alternative names only its own parameters
        String conditionsText = String.join(" ", where);
        parameters.forEach((name, value) -> {
            if (Pattern.compile(":" + name + "\\b").matcher(conditionsText).find()) {
                query.and(name, value);
            }
        });
        if (!after.isEmpty()) {
            List<String> columns = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                columns.add(keys.get(i).expression(keys.get(i).path()));
                values.add(keys.get(i).expression(":after" + i));
                query.and("after" + i, Cursor.read(after.get(i), keys.get(i).type()));
            }
            where.add("(" + String.join(", ", columns) + ") " + order.after + " (" + String.join(", ", values) + ")");
        }
        String orderBy = keys.stream().map(k -> k.expression(k.path()) + " " + order.sql)
                .collect(Collectors.joining(", ", "order by ", ""));
        String jpql = where.isEmpty() ? orderBy : String.join(" and ", where) + " " + orderBy;
        PanacheQuery<E> entities = repository.find(jpql, query);
        @SuppressWarnings("unchecked")
        PanacheQuery<R> rows = projection == null ? (PanacheQuery<R>) entities : entities.project(projection);
        return rows.range(0, limit).list();
    }

    private List<String> keyValues(R row) {
        return keys.stream().map(k -> String.valueOf(k.value().apply(row))).toList();
    }

    /**
     * The list's order on the keys' values as PostgreSQL sorts them: instants and numbers by value,
     * uuids by their hex digits (as PostgreSQL compares their bytes; Java's {@code UUID.compareTo}
     * does not). Text by its characters, which agrees with the database for codes, not for names
     * under a collation: merge lists keyed by instants, numbers, uuids and codes.
     */
    private Comparator<List<String>> rowOrder() {
        Comparator<List<String>> ascending = (a, b) -> {
            for (int i = 0; i < keys.size(); i++) {
                int c = compare(keys.get(i).type(), a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        return order == Order.ASCENDING ? ascending : ascending.reversed();
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static int compare(Class<?> type, String a, String b) {
        if (type == String.class || type == UUID.class) {
            return a.compareTo(b);
        }
        return ((Comparable) Cursor.read(a, type)).compareTo(Cursor.read(b, type));
    }
}
