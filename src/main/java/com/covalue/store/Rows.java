package com.covalue.store;

import com.covalue.model.Json;
import com.covalue.model.Snapshot;
import com.covalue.model.SnapshotJson;
import com.covalue.model.Verdict;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The store's rows read by column name into its records, with the columns each reader expects. */
final class Rows {

    private Rows() {
    }

    /** From {@code relationship}. */
    static final String SUMMARY_COLUMNS = "id, display_name, client_name, supplier_name, snapshot_count, first_on,"
            + " latest_on, overall_health, verdict, renewal_date, updated_at";

    /** From {@code snapshot s JOIN advice a}; both have a body. */
    static final String STORED_COLUMNS = "s.relationship_id, s.assessed_on, s.stored_at, a.rules_revision, a.previous_on,"
            + " a.overall_health, a.verdict, a.renewal_date, s.body AS snapshot_body, a.body AS advice_body";

    /** From {@code relationship r JOIN advice a}, the advice of its latest snapshot. */
    static final String RENEWAL_COLUMNS = "r.id, r.display_name, r.renewal_date, r.latest_on, r.overall_health, r.verdict,"
            + " a.body AS advice_body";

    static RelationshipSummary summary(ResultSet rs) throws SQLException {
        return new RelationshipSummary(rs.getString("id"), rs.getString("display_name"), rs.getString("client_name"),
                rs.getString("supplier_name"), rs.getInt("snapshot_count"), Sql.date(rs, "first_on"), Sql.date(rs, "latest_on"),
                rs.getObject("overall_health", Integer.class), verdict(rs), Sql.date(rs, "renewal_date"),
                rs.getTimestamp("updated_at").toInstant());
    }

    static StoredSnapshot stored(ResultSet rs) throws SQLException {
        return new StoredSnapshot(rs.getString("relationship_id"), Sql.date(rs, "assessed_on"), rs.getTimestamp("stored_at").toInstant(),
                rs.getString("rules_revision"), Sql.date(rs, "previous_on"), rs.getObject("overall_health", Integer.class), verdict(rs),
                Sql.date(rs, "renewal_date"), rs.getString("snapshot_body"), rs.getString("advice_body"));
    }

    static RenewalDue renewalDue(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate renewal = Sql.date(rs, "renewal_date");
        return new RenewalDue(rs.getString("id"), rs.getString("display_name"), renewal, ChronoUnit.DAYS.between(today, renewal),
                Sql.date(rs, "latest_on"), rs.getObject("overall_health", Integer.class), verdict(rs),
                conditionsIn(rs.getString("advice_body")));
    }

    static HistoryStore.StoredJson storedJson(ResultSet rs) throws SQLException {
        return new HistoryStore.StoredJson(rs.getString("relationship_id"), Sql.date(rs, "assessed_on"), rs.getString("body"));
    }

    /** A snapshot from its {@code body}; stored snapshots were validated when written, so they are bound without validating again. */
    static Snapshot snapshot(ResultSet rs) throws SQLException {
        try {
            return SnapshotJson.bind(rs.getString("body"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored snapshot cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static Verdict verdict(ResultSet rs) throws SQLException {
        String name = rs.getString("verdict");
        return name == null ? null : Verdict.valueOf(name);
    }

    private static List<String> conditionsIn(String adviceJson) {
        try {
            JsonNode conditions = Json.MAPPER.readTree(adviceJson).path("renewal").path("conditions");
            List<String> out = new ArrayList<>();
            conditions.forEach(n -> out.add(n.asText()));
            return List.copyOf(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored advice cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
