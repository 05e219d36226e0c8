package com.covalue.store;

/** The database could not be reached or refused an operation; the message says which. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
