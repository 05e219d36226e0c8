package com.covalue.scenario;

import com.covalue.model.Verdict;
import com.covalue.review.Review.Direction;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a portfolio scenario's {@code review.yaml} says the renewal review must show. The review
 * runs over every snapshot file in the folder with the options given here.
 *
 * @param description what the portfolio depicts, for people
 * @param asOf        the review's as-of date (required, so the scenario never depends on today)
 * @param within      the window in days (default 180)
 * @param failOn      the gate's threshold (default REMEDIATE_BEFORE_RENEWAL)
 * @param strict      whether unreadable snapshots fail the gate
 * @param exit        the exit code {@code covalue review} must give: 0 or 1
 * @param reviewed    every due relationship with its verdict, most urgent first (order is checked)
 * @param notDue      every relationship listed as not due
 * @param travel      direction of travel by relationship id
 * @param invalid     every snapshot that must be reported unreadable
 */
public record PortfolioExpectations(
        String description,
        LocalDate asOf,
        Integer within,
        Verdict failOn,
        Boolean strict,
        Integer exit,
        LinkedHashMap<String, Verdict> reviewed,
        List<String> notDue,
        Map<String, Direction> travel,
        List<ExpectedInvalid> invalid) {

    public static final String FILE = "review.yaml";

    public PortfolioExpectations {
        reviewed = reviewed == null ? new LinkedHashMap<>() : reviewed;
        notDue = notDue == null ? List.of() : List.copyOf(notDue);
        travel = travel == null ? Map.of() : Map.copyOf(travel);
        invalid = invalid == null ? List.of() : List.copyOf(invalid);
    }

    /**
     * A snapshot that must be reported unreadable: {@code where} is its file relative to the
     * portfolio folder, with {@code :line} for a JSON Lines file; {@code field} a field that must
     * be named among its problems (optional).
     */
    public record ExpectedInvalid(String where, String field) {
    }
}
