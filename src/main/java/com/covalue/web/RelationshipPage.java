package com.covalue.web;

import com.covalue.app.AdviceRequest;
import com.covalue.app.Covalue;
import com.covalue.model.Advice;
import com.covalue.model.CovalueException;
import com.covalue.model.Factor;
import com.covalue.model.Relationship;
import com.covalue.model.Snapshot;
import com.covalue.review.report.Charts;
import com.covalue.store.RelationshipSummary;
import com.covalue.store.StoredSnapshot;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One relationship: health per factor over every stored snapshot, the latest advice (focus first,
 * each recommendation's reasons, evidence, owner and source, the rules behind it on demand), both
 * sides' ratings and the practices they answered differently, the history, and downloads.
 */
public final class RelationshipPage {

    /** A practice the two sides answered differently, with the practice in words. */
    public record Mismatch(String practice, String statement, Factor factor, String client, String supplier) {
    }

    /** The page. {@code explained} is true when the latest advice was worked out again with the rules that fired. */
    public record RelationshipView(Pages.Chrome chrome, RelationshipSummary summary, HistoryChart chart, List<LocalDate> days,
            List<Advice> history, Advice latest, List<Advice.Recommendation> focus, List<Advice.Recommendation> others,
            Charts.Bars bars, Charts.Perceptions perceptions, List<Mismatch> matching, boolean explained, String explainError) {
    }

    private final Covalue covalue;

    RelationshipPage(Covalue covalue) {
        this.covalue = covalue;
    }

    void show(Context ctx) {
        String id = id(ctx);
        RelationshipSummary summary = covalue.relationship(id);
        List<StoredSnapshot> stored = covalue.fullHistory(id);
        List<LocalDate> days = stored.stream().map(StoredSnapshot::assessedOn).toList();
        List<Advice> history = stored.stream().map(PortfolioPage::advice).toList();
        Advice storedAdvice = history.get(history.size() - 1);
        boolean explain = "true".equals(ctx.queryParam("explain"));
        String explainError = null;
        Advice shown = storedAdvice;
        if (explain) {
            try {
                shown = explained(stored);
            } catch (CovalueException e) {
                explain = false; // the stored advice still stands; say why it cannot be explained now
                explainError = "The rules behind this advice cannot be shown: the snapshot no longer reads under the active rules ("
                        + e.getMessage() + ")";
            }
        }
        Advice latest = shown;
        Map<String, Advice.Recommendation> byId = new LinkedHashMap<>();
        latest.recommendations().forEach(r -> byId.put(r.id(), r));
        List<Advice.Recommendation> focus = latest.focus().stream().map(byId::get).filter(r -> r != null).toList();
        List<Advice.Recommendation> others = latest.recommendations().stream().filter(r -> !latest.focus().contains(r.id())).toList();
        Map<String, String> statements = covalue.practiceStatements();
        List<Mismatch> matching = new ArrayList<>();
        for (Advice.Mismatch m : latest.matching()) {
            matching.add(new Mismatch(m.practice(), statements.getOrDefault(m.practice(), m.practice()), m.factor(),
                    m.client().name(), m.supplier().name()));
        }
        String title = summary.name() == null ? id : summary.name();
        Pages.render(ctx, 200, "web/relationship.jte", new RelationshipView(Pages.chrome(ctx, title, "portfolio"), summary,
                HistoryChart.of(days, history), days, history, latest, focus, others, Charts.healthBars(latest.health()),
                latest.alignment().isEmpty() ? null : Charts.perceptions(latest.alignment()), matching, explain, explainError));
    }

    /** The stored snapshot as received, to download. */
    void snapshotJson(Context ctx) {
        StoredSnapshot s = covalue.snapshot(id(ctx), day(ctx));
        download(ctx, s.relationshipId() + "-" + s.assessedOn() + "-snapshot.json", s.snapshotJson());
    }

    /** The advice it was given when stored, to download. */
    void adviceJson(Context ctx) {
        StoredSnapshot s = covalue.snapshot(id(ctx), day(ctx));
        download(ctx, s.relationshipId() + "-" + s.assessedOn() + "-advice.json", s.adviceJson());
    }

    private Advice explained(List<StoredSnapshot> stored) {
        Snapshot latest = covalue.read(stored.get(stored.size() - 1).snapshotJson());
        Snapshot previous = stored.size() > 1 ? covalue.read(stored.get(stored.size() - 2).snapshotJson()) : null;
        return covalue.advise(new AdviceRequest(latest, previous, true));
    }

    private static void download(Context ctx, String name, String json) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.contentType("application/json").result(json);
    }

    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!Relationship.isValidId(id)) {
            throw CovalueException.invalidParameter("id", "a relationship id is 1-64 characters of A-Z a-z 0-9 . _ -");
        }
        return id;
    }

    private static LocalDate day(Context ctx) {
        try {
            return LocalDate.parse(ctx.pathParam("assessedOn"));
        } catch (DateTimeParseException e) {
            throw CovalueException.invalidParameter("assessedOn", "a date YYYY-MM-DD");
        }
    }
}
