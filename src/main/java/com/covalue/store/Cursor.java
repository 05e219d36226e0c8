package com.covalue.store;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * Paging cursors: the last key of a page, wrapped so clients treat it as opaque and cannot mix
 * a cursor of one listing with another (the kind prefix).
 */
final class Cursor {

    private Cursor() {
    }

    static String encode(String kind, String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((kind + ":" + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The key in a cursor of this kind; empty when the text is not such a cursor. */
    private static Optional<String> decode(String kind, String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return text.startsWith(kind + ":") ? Optional.of(text.substring(kind.length() + 1)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The key in a cursor of this kind; throws {@link InvalidCursorException} when the text is not such a cursor. */
    static String key(String kind, String cursor) {
        return decode(kind, cursor).orElseThrow(() -> new InvalidCursorException(cursor));
    }

    /** {@link #key} for a listing keyed by day. */
    static LocalDate day(String kind, String cursor) {
        try {
            return LocalDate.parse(key(kind, cursor));
        } catch (DateTimeParseException e) {
            throw new InvalidCursorException(cursor);
        }
    }
}
