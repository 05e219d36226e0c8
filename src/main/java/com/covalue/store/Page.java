package com.covalue.store;

import java.util.List;

/**
 * One page of a listing, and the cursor for the next page (null on the last page). Cursors are
 * opaque to clients; see {@link Cursor}.
 */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(items);
    }
}
