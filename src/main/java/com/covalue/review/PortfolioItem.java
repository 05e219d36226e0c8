package com.covalue.review;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where one snapshot of a portfolio came from: a file, a line of a JSON Lines file, or an index
 * in a request body. Reports name it so a person can find the snapshot again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PortfolioItem(String file, Integer line, Integer index) {

    public static PortfolioItem file(String file) {
        return new PortfolioItem(file, null, null);
    }

    public static PortfolioItem line(String file, int line) {
        return new PortfolioItem(file, line, null);
    }

    public static PortfolioItem index(int index) {
        return new PortfolioItem(null, null, index);
    }

    /** {@code file}, {@code file:line} or {@code [index]}. */
    public String describe() {
        if (file == null) {
            return "[" + index + "]";
        }
        return line == null ? file : file + ":" + line;
    }
}
