package com.covalue.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One problem found in an input, named by the dotted path of the field it is about (for example
 * {@code delivery.promisesKept12m}), or by file and line for rule files (the row, for a decision table).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String field, String file, Integer line, String message) {

    public Problem {
        Objects.requireNonNull(message, "message == null");
    }

    public static Problem atField(String field, String message) {
        return new Problem(field, null, null, message);
    }

    public static Problem atLine(String file, Integer line, String message) {
        return new Problem(null, file, line, message);
    }

    /** One line for a person: {@code field: message} or {@code file:line: message}. */
    public String describe() {
        if (field != null) {
            return field.isEmpty() ? message : field + ": " + message;
        }
        if (file != null) {
            return location(file, line) + ": " + message;
        }
        return message;
    }

    /**
     * A file and line as people look for them: {@code trust.drl:12}; in a decision table
     * ({@code .csv}, {@code .xlsx}), where the line is the spreadsheet's row, {@code governance.csv row 12}.
     */
    public static String location(String file, Integer line) {
        if (line == null || line <= 0) {
            return file;
        }
        String lower = file.toLowerCase(java.util.Locale.ROOT);
        boolean table = lower.endsWith(".csv") || lower.endsWith(".xlsx");
        return file + (table ? " row " + line : ":" + line);
    }
}
