package com.covalue.web;

import com.covalue.app.Covalue;
import com.covalue.model.Advice;
import com.covalue.model.CovalueException;
import com.covalue.model.Factor;
import com.covalue.model.Json;
import com.covalue.model.Verdict;
import com.covalue.review.ReviewOptions;
import com.covalue.review.report.Charts;
import com.covalue.review.report.HtmlReview;
import com.covalue.store.RelationshipSummary;
import com.covalue.store.StoredSnapshot;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** The portfolio ({@code /}): every relationship at a glance, filtered and sorted; as CSV; and the renewal review. */
public final class PortfolioPage {

    /** One relationship's line: latest health and verdict, renewal countdown and direction since the snapshot before. */
    public record Row(String id, String name, LocalDate assessedOn, int snapshots, Charts.Strip strip, Map<Factor, Integer> scores,
            Integer overall, String band, Verdict verdict, LocalDate renewalDate, Long daysToRenewal, Integer change) {

        public String direction() {
            if (change == null) {
                return snapshots > 1 ? "not comparable" : "first snapshot";
            }
            return change > 0 ? "better by " + change : change < 0 ? "worse by " + (-change) : "steady";
        }

        public String directionArrow() {
            return change == null ? "" : change > 0 ? "▲" : change < 0 ? "▼" : "▶";
        }

        public String verdictWords() {
            return verdict == null ? "no renewal date" : verdict.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }

        public String verdictCss() {
            return verdict == null ? "none" : HtmlReview.css(verdict);
        }
    }

    /** The filters as given, echoed back into the form. */
    public record Filters(String verdict, String within, String factor, String below, String sort) {
        public String csvLink() {
            return "/portfolio.csv?" + query();
        }

        public String query() {
            return "verdict=" + verdict + "&within=" + within + "&factor=" + factor + "&below=" + below + "&sort=" + sort;
        }
    }

    /** The portfolio page. */
    public record PortfolioView(Pages.Chrome chrome, Filters filters, List<Row> rows, int total, List<Verdict> verdicts,
            List<Factor> factors, LocalDate today) {
    }

    private final Covalue covalue;

    PortfolioPage(Covalue covalue) {
        this.covalue = covalue;
    }

    void show(Context ctx) {
        Filters filters = filters(ctx);
        List<Row> all = rows();
        List<Row> shown = select(all, filters);
        Pages.render(ctx, 200, "web/portfolio.jte", new PortfolioView(Pages.chrome(ctx, "Portfolio", "portfolio"), filters, shown,
                all.size(), List.of(Verdict.values()), List.of(Factor.values()), LocalDate.now(covalue.clock())));
    }

    void csv(Context ctx) {
        List<Row> shown = select(rows(), filters(ctx));
        StringBuilder out = new StringBuilder("id,name,assessed_on,overall,verdict,renewal_date,days_to_renewal,change");
        for (Factor f : Factor.values()) {
            out.append(',').append(f.key());
        }
        out.append("\r\n");
        for (Row r : shown) {
            out.append(Csv.cell(r.id())).append(',').append(Csv.cell(r.name())).append(',').append(r.assessedOn()).append(',')
                    .append(Csv.cell(r.overall())).append(',').append(r.verdict() == null ? "" : r.verdict().name()).append(',')
                    .append(Csv.cell(r.renewalDate())).append(',').append(Csv.cell(r.daysToRenewal())).append(',')
                    .append(Csv.cell(r.change()));
            for (Factor f : Factor.values()) {
                out.append(',').append(Csv.cell(r.scores().get(f)));
            }
            out.append("\r\n");
        }
        ctx.header("Content-Disposition", "attachment; filename=\"covalue-portfolio.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(out.toString());
    }

    /** The renewal review of the stored portfolio as the HTML report ({@code covalue review --format html}). */
    void review(Context ctx) {
        int within = com.covalue.model.RenewalWindow.DEFAULT_DAYS;
        ReviewOptions options = new ReviewOptions(LocalDate.now(covalue.clock()), within, ReviewOptions.DEFAULT_FAIL_ON, false);
        ctx.contentType("text/html; charset=utf-8").result(HtmlReview.render(covalue.reviewStored(options)));
    }

    private List<Row> rows() {
        LocalDate today = LocalDate.now(covalue.clock());
        List<Row> rows = new ArrayList<>();
        for (RelationshipSummary s : covalue.allRelationships()) {
            List<StoredSnapshot> lastTwo = covalue.snapshots(s.id(), 2, null).items();
            Advice latest = advice(lastTwo.get(0));
            Integer change = null;
            if (lastTwo.size() > 1) {
                Integer before = advice(lastTwo.get(1)).health().overall();
                change = before == null || latest.health().overall() == null ? null : latest.health().overall() - before;
            }
            Map<Factor, Integer> scores = new EnumMap<>(Factor.class);
            latest.health().factors().forEach(f -> {
                if (f.score() != null) {
                    scores.put(f.factor(), f.score());
                }
            });
            rows.add(new Row(s.id(), s.name() == null ? s.id() : s.name(), s.assessedOn(), s.snapshots(),
                    Charts.healthStrip(latest.health()), scores, s.health(), Charts.band(s.health()), s.verdict(), s.renewalDate(),
                    s.renewalDate() == null ? null : ChronoUnit.DAYS.between(today, s.renewalDate()), change));
        }
        return rows;
    }

    private static List<Row> select(List<Row> rows, Filters f) {
        Predicate<Row> keep = r -> true;
        if (!f.verdict().isEmpty()) {
            Verdict v = Verdict.valueOf(f.verdict());
            keep = keep.and(r -> r.verdict() == v);
        }
        if (!f.within().isEmpty()) {
            long days = Long.parseLong(f.within());
            keep = keep.and(r -> r.daysToRenewal() != null && r.daysToRenewal() <= days);
        }
        if (!f.factor().isEmpty() && !f.below().isEmpty()) {
            Factor factor = Factor.byKey(f.factor()).orElseThrow();
            int below = Integer.parseInt(f.below());
            keep = keep.and(r -> r.scores().get(factor) != null && r.scores().get(factor) < below);
        }
        Comparator<Row> order = switch (f.sort()) {
            case "renewal" -> Comparator.comparing(Row::daysToRenewal, Comparator.nullsLast(Comparator.naturalOrder()));
            case "health" -> Comparator.comparing(Row::overall, Comparator.nullsLast(Comparator.naturalOrder()));
            case "verdict" -> Comparator.comparing((Row r) -> r.verdict() == null ? -1 : r.verdict().ordinal()).reversed();
            default -> Comparator.comparing(Row::name, String.CASE_INSENSITIVE_ORDER);
        };
        return rows.stream().filter(keep).sorted(order.thenComparing(Row::id)).toList();
    }

    /** The filters from the query; a value that is not one of the choices is refused with its name. */
    private static Filters filters(Context ctx) {
        String verdict = param(ctx, "verdict");
        if (!verdict.isEmpty() && java.util.Arrays.stream(Verdict.values()).noneMatch(v -> v.name().equals(verdict))) {
            throw CovalueException.invalidParameter("verdict", "one of " + List.of(Verdict.values()));
        }
        String within = param(ctx, "within");
        if (!within.isEmpty() && !within.matches("\\d{1,5}")) {
            throw CovalueException.invalidParameter("within", "a number of days, 0 to 99999");
        }
        String factor = param(ctx, "factor");
        if (!factor.isEmpty() && Factor.byKey(factor).isEmpty()) {
            throw CovalueException.invalidParameter("factor", "one of the seven factors' keys, such as governance");
        }
        String below = param(ctx, "below");
        if (!below.isEmpty() && !below.matches("\\d{1,3}")) {
            throw CovalueException.invalidParameter("below", "a health score 0 to 100");
        }
        String sort = param(ctx, "sort");
        if (!sort.isEmpty() && !List.of("name", "renewal", "health", "verdict").contains(sort)) {
            throw CovalueException.invalidParameter("sort", "name, renewal, health or verdict");
        }
        return new Filters(verdict, within, factor, below, sort.isEmpty() ? "name" : sort);
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value.strip();
    }

    static Advice advice(StoredSnapshot s) {
        try {
            return Json.MAPPER.readValue(s.adviceJson(), Advice.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored advice cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
