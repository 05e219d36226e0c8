package com.covalue.store;

/** A paging cursor that this listing did not hand out. */
public final class InvalidCursorException extends RuntimeException {

    public InvalidCursorException(String cursor) {
        super("'" + cursor + "' is not a cursor of this listing; pass the 'next' value of the previous page");
    }
}
