package org.clinicalsenate.commons.page;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list (see {@link Keyset}). Queries fetch {@code limit + 1} rows;
 * the extra row only tells that there is a next page.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), null);
    }

    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        return Math.max(1, Math.min(MAX_LIMIT, requested));
    }

    /** Builds a page from {@code limit + 1} fetched rows; {@code cursorOf} gives the cursor of the last item. */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(List.copyOf(items), cursorOf.apply(items.get(limit - 1)));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
