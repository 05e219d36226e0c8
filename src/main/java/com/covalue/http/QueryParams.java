package com.covalue.http;

import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import com.covalue.model.Problem;
import com.covalue.validation.Levenshtein;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Reads a request's query parameters, collecting every problem, so one answer names all the
 * wrong parameters at once; {@link #check()} throws {@code invalid_parameter} when there are any.
 */
final class QueryParams {

    private final Context ctx;
    private final List<Problem> problems = new ArrayList<>();

    private QueryParams(Context ctx) {
        this.ctx = ctx;
    }

    static QueryParams of(Context ctx) {
        return new QueryParams(ctx);
    }

    /** Notes every parameter not in {@code known}, with "did you mean" where one is close. */
    QueryParams onlyKnown(List<String> known) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!known.contains(name)) {
                String hint = Levenshtein.closest(name, known).map(c -> "; did you mean '" + c + "'?").orElse("");
                problems.add(Problem.atField(name, known.isEmpty() ? "unknown query parameter: this endpoint takes none"
                        : "unknown query parameter" + hint + " (known: " + String.join(", ", known) + ")"));
            }
        }
        return this;
    }

    LocalDate date(String name, LocalDate otherwise) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return wrong(name, "expected a date YYYY-MM-DD, got '" + shorten(text) + "'", otherwise);
        }
    }

    /** A whole number; {@code check} says what is wrong with a number out of range. */
    int integer(String name, int otherwise, IntFunction<Optional<String>> check) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(text.strip());
            Optional<String> problem = check.apply(value);
            return problem.isEmpty() ? value : wrong(name, problem.get(), otherwise);
        } catch (NumberFormatException e) {
            return wrong(name, "expected a whole number, got '" + shorten(text) + "'", otherwise);
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    int integer(String name, int otherwise, int min, int max) {
        return integer(name, otherwise, value -> value >= min && value <= max ? Optional.empty()
                : Optional.of("must be a whole number from " + min + " to " + max + ", got " + value));
    }

    <E extends Enum<E>> E choice(String name, Class<E> type, E otherwise) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            return wrong(name, "expected one of " + Arrays.toString(type.getEnumConstants()) + ", got '" + shorten(text) + "'",
                    otherwise);
        }
    }

    boolean bool(String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.equals("false")) {
            return false;
        }
        return text.equals("true") || wrong(name, "expected true or false, got '" + shorten(text) + "'", false);
    }

    /** @throws CovalueException {@code invalid_parameter} naming every wrong parameter */
    void check() {
        if (problems.size() == 1) {
            Problem p = problems.get(0);
            throw CovalueException.invalidParameter(p.field(), p.message());
        }
        if (!problems.isEmpty()) {
            throw new CovalueException(ErrorCode.INVALID_PARAMETER, problems.size() + " query parameters are wrong.", problems);
        }
    }

    private <T> T wrong(String name, String message, T otherwise) {
        problems.add(Problem.atField(name, message));
        return otherwise;
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
