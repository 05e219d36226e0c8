package com.covalue.store;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing, and the cursor for the next page (null on the last page). Cursors are
 * opaque to clients; see {@link Cursor}.
 */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(items);
    }

    /** A page of {@code limit} from {@code rows}, read with one row more than that to know whether another page follows. */
    static <T> Page<T> of(List<T> rows, int limit, Function<T, String> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, cursorOf.apply(items.get(limit - 1)));
    }
}
