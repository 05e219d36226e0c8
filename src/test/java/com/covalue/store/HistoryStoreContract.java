package com.covalue.store;

import static com.covalue.TestSupport.CLOCK;
import static com.covalue.TestSupport.exampleJson;
import static com.covalue.TestSupport.realRules;
import static com.covalue.TestSupport.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.covalue.TestSupport;
import com.covalue.advice.Advisor;
import com.covalue.model.Advice;
import com.covalue.model.Json;
import com.covalue.model.Snapshot;
import com.covalue.model.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every history store must do, whatever the database: run by {@link H2HistoryStoreTest}
 * (embedded) and {@link PostgresHistoryStoreTest} (a real PostgreSQL server).
 */
abstract class HistoryStoreContract {

    private static final Advisor ADVISOR = new Advisor();

    /** Settings for an empty database of this kind, new for each test. */
    abstract StoreSettings freshDatabase() throws Exception;

    HistoryStore store;
    StoreSettings settings;

    @BeforeEach
    void open() throws Exception {
        settings = freshDatabase();
        store = HistoryStore.open(settings, CLOCK);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static ObjectNode snapshotJson(String id, String assessedOn) {
        return with(with(exampleJson(), "relationship.id", id), "assessedOn", assessedOn);
    }

    /** Stores with the real rules, comparing with whatever previous snapshot the store hands over. */
    HistoryStore.Saved save(JsonNode json, boolean replace) {
        Snapshot s = TestSupport.snapshot(json);
        return store.save(s, json.toString(), replace,
                previous -> ADVISOR.evaluate(realRules(), s, new Advisor.Options(false, previous)).advice());
    }

    HistoryStore.Saved save(JsonNode json) {
        return save(json, false);
    }

    @Test
    void a_first_snapshot_is_stored_with_its_advice_and_no_previous() throws Exception {
        HistoryStore.Saved saved = save(snapshotJson("acme-ito", "2026-05-01"));
        assertThat(saved.replaced()).isFalse();
        StoredSnapshot s = store.latest("acme-ito").orElseThrow();
        assertThat(s.assessedOn()).hasToString("2026-05-01");
        assertThat(s.previousOn()).isNull();
        assertThat(s.rulesRevision()).isEqualTo(realRules().revision());
        assertThat(Json.MAPPER.readTree(s.snapshotJson())).isEqualTo(snapshotJson("acme-ito", "2026-05-01"));
        Advice advice = Json.MAPPER.readValue(s.adviceJson(), Advice.class);
        assertThat(advice.relationshipId()).isEqualTo("acme-ito");
        assertThat(advice.trend()).isNull();
        assertThat(s.health()).isEqualTo(advice.health().overall());
        assertThat(s.verdict()).isEqualTo(advice.renewal().verdict());

        RelationshipSummary r = store.relationship("acme-ito").orElseThrow();
        assertThat(r.snapshots()).isEqualTo(1);
        assertThat(r.name()).isEqualTo("Northwind Health / Contoso service desk");
        assertThat(r.renewalDate()).hasToString("2027-03-31");
        assertThat(r.verdict()).isEqualTo(advice.renewal().verdict());
    }

    @Test
    void a_later_snapshot_is_advised_against_the_one_before_it() throws Exception {
        save(with(snapshotJson("acme-ito", "2026-05-01"), "measurement.satisfactionScore", 4));
        HistoryStore.Saved later = save(snapshotJson("acme-ito", "2026-11-01")); // satisfaction 3
        assertThat(later.stored().previousOn()).hasToString("2026-05-01");
        Advice advice = Json.MAPPER.readValue(later.stored().adviceJson(), Advice.class);
        assertThat(advice.trend().previousAssessedOn()).hasToString("2026-05-01");
        assertThat(advice.recommendations()).anyMatch(r -> r.id().equals("MEASUREMENT-SATISFACTION-FALLING"));
        assertThat(store.relationship("acme-ito").orElseThrow().assessedOn()).hasToString("2026-11-01");
    }

    @Test
    void the_same_day_twice_is_refused_unless_replacing_and_a_refusal_changes_nothing() throws Exception {
        save(snapshotJson("acme-ito", "2026-05-01"));
        ObjectNode second = with(snapshotJson("acme-ito", "2026-05-01"), "measurement.satisfactionScore", 5);
        assertThatThrownBy(() -> save(second)).isInstanceOf(SnapshotExistsException.class).hasMessageContaining("2026-05-01");
        assertThat(Json.MAPPER.readTree(store.latest("acme-ito").orElseThrow().snapshotJson()).at("/measurement/satisfactionScore")
                .asInt()).isEqualTo(3);

        HistoryStore.Saved replaced = save(second, true);
        assertThat(replaced.replaced()).isTrue();
        assertThat(Json.MAPPER.readTree(store.latest("acme-ito").orElseThrow().snapshotJson()).at("/measurement/satisfactionScore")
                .asInt()).isEqualTo(5);
        assertThat(store.relationship("acme-ito").orElseThrow().snapshots()).isEqualTo(1);
    }

    @Test
    void an_older_snapshot_stored_late_is_compared_with_the_one_before_it_and_does_not_become_the_latest() {
        save(snapshotJson("acme-ito", "2026-01-10"));
        save(snapshotJson("acme-ito", "2026-11-01"));
        HistoryStore.Saved middle = save(snapshotJson("acme-ito", "2026-06-15"));
        assertThat(middle.stored().previousOn()).hasToString("2026-01-10");
        RelationshipSummary r = store.relationship("acme-ito").orElseThrow();
        assertThat(r.assessedOn()).hasToString("2026-11-01");
        assertThat(r.firstAssessed()).hasToString("2026-01-10");
        assertThat(r.snapshots()).isEqualTo(3);
        assertThat(store.history("acme-ito")).extracting(s -> s.assessedOn().toString())
                .containsExactly("2026-01-10", "2026-06-15", "2026-11-01");
    }

    @Test
    void when_advice_fails_nothing_is_stored() {
        Snapshot s = TestSupport.snapshot(snapshotJson("acme-ito", "2026-05-01"));
        assertThatThrownBy(() -> store.save(s, "{}", false, previous -> {
            throw new IllegalStateException("no rules");
        })).hasMessage("no rules");
        assertThat(store.relationship("acme-ito")).isEmpty();
        assertThat(store.latest("acme-ito")).isEmpty();
        assertThat(store.relationships(10, null).items()).isEmpty();
    }

    @Test
    void relationships_are_listed_by_id_a_page_at_a_time() {
        for (String id : List.of("e-five", "a-one", "c-three", "b-two", "d-four")) {
            save(snapshotJson(id, "2026-05-01"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<RelationshipSummary> page = store.relationships(2, cursor);
            page.items().forEach(r -> seen.add(r.id()));
            cursor = page.next();
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactly("a-one", "b-two", "c-three", "d-four", "e-five");
        assertThat(pages).isEqualTo(3);
        assertThat(store.relationships(5, null).next()).isNull();
    }

    @Test
    void a_cursor_from_another_listing_or_made_up_is_refused() {
        save(snapshotJson("a-one", "2026-05-01"));
        save(snapshotJson("a-one", "2026-06-01"));
        String snapshotsCursor = store.snapshots("a-one", 1, null).next();
        assertThat(snapshotsCursor).isNotNull();
        assertThatThrownBy(() -> store.relationships(1, snapshotsCursor)).isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> store.relationships(1, "not a cursor!")).isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> store.snapshots("a-one", 1, Cursor.encode("snapshots", "yesterday")))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void history_is_listed_newest_first_a_page_at_a_time() {
        for (String day : List.of("2026-03-01", "2026-01-01", "2026-02-01")) {
            save(snapshotJson("acme-ito", day));
        }
        Page<StoredSnapshot> first = store.snapshots("acme-ito", 2, null);
        assertThat(first.items()).extracting(s -> s.assessedOn().toString()).containsExactly("2026-03-01", "2026-02-01");
        Page<StoredSnapshot> second = store.snapshots("acme-ito", 2, first.next());
        assertThat(second.items()).extracting(s -> s.assessedOn().toString()).containsExactly("2026-01-01");
        assertThat(second.next()).isNull();
        assertThat(store.snapshots("nobody", 2, null).items()).isEmpty();
    }

    @Test
    void renewals_in_the_window_come_soonest_first_with_verdict_and_conditions() {
        // today is 2026-11-23 (TestSupport.CLOCK)
        save(with(snapshotJson("far", "2026-11-01"), "relationship.renewalDate", "2027-09-01"));
        save(with(snapshotJson("soon", "2026-11-01"), "relationship.renewalDate", "2027-01-15"));
        save(with(snapshotJson("sooner", "2026-11-01"), "relationship.renewalDate", "2026-12-20"));
        save(with(snapshotJson("passed", "2026-11-01"), "relationship.renewalDate", "2026-11-20"));
        save(TestSupport.minimalJson("no-date"));
        List<RenewalDue> due = store.renewals(180);
        assertThat(due).extracting(RenewalDue::id).containsExactly("sooner", "soon");
        RenewalDue first = due.get(0);
        assertThat(first.daysToRenewal()).isEqualTo(27);
        assertThat(first.verdict()).isEqualTo(Verdict.REMEDIATE_BEFORE_RENEWAL);
        StoredSnapshot stored = store.latest("sooner").orElseThrow();
        List<String> conditions = new ArrayList<>();
        try {
            Json.MAPPER.readTree(stored.adviceJson()).at("/renewal/conditions").forEach(n -> conditions.add(n.asText()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(first.conditions()).isNotEmpty().isEqualTo(conditions);
        assertThat(store.renewals(400)).extracting(RenewalDue::id).containsExactly("sooner", "soon", "far");
    }

    @Test
    void deleting_a_relationship_removes_its_snapshots_and_advice() {
        save(snapshotJson("gone", "2026-05-01"));
        save(snapshotJson("gone", "2026-06-01"));
        save(snapshotJson("kept", "2026-05-01"));
        assertThat(store.delete("gone")).isTrue();
        assertThat(store.delete("gone")).isFalse();
        assertThat(store.relationship("gone")).isEmpty();
        assertThat(store.snapshots("gone", 10, null).items()).isEmpty();
        assertThat(store.relationshipIds()).containsExactly("kept");
        save(snapshotJson("gone", "2026-07-01")); // the id can be used again, from scratch
        assertThat(store.latest("gone").orElseThrow().previousOn()).isNull();
    }

    @Test
    void concurrent_writes_to_one_relationship_each_see_a_consistent_previous_snapshot() throws Exception {
        int writers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> futures = new ArrayList<>();
        AtomicInteger conflicts = new AtomicInteger();
        for (int i = 0; i < writers; i++) {
            String day = LocalDate.of(2026, 1, 1).plusDays(7L * i).toString();
            // two writers race for every day: exactly one of each pair must win
            for (int copy = 0; copy < 2; copy++) {
                futures.add(pool.submit(() -> {
                    try {
                        save(snapshotJson("busy", day));
                    } catch (SnapshotExistsException e) {
                        conflicts.incrementAndGet();
                    }
                }));
            }
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(conflicts).hasValue(writers);
        assertThat(store.relationship("busy").orElseThrow().snapshots()).isEqualTo(writers);
        // each stored advice names as previous a snapshot that is stored and earlier than it
        List<StoredSnapshot> all = store.snapshots("busy", HistoryStore.MAX_PAGE, null).items();
        assertThat(all).hasSize(writers);
        List<LocalDate> days = all.stream().map(StoredSnapshot::assessedOn).toList();
        for (StoredSnapshot s : all) {
            if (s.previousOn() != null) {
                assertThat(days).contains(s.previousOn());
                assertThat(s.previousOn()).isBefore(s.assessedOn());
            }
        }
    }

    @Test
    void concurrent_first_writes_of_new_relationships_all_succeed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 16; i++) {
            String id = "new-" + (i % 4);
            String day = LocalDate.of(2026, 2, 1).plusDays(i).toString();
            futures.add(pool.submit(() -> {
                save(snapshotJson(id, day));
                ids.add(id);
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(ids).hasSize(16);
        assertThat(store.relationships(10, null).items()).extracting(RelationshipSummary::snapshots).containsExactly(4, 4, 4, 4);
    }

    @Test
    void reopening_the_store_keeps_everything_and_migrations_run_once() {
        save(snapshotJson("acme-ito", "2026-05-01"));
        store.close();
        store = HistoryStore.open(settings, CLOCK);
        assertThat(store.relationship("acme-ito")).isPresent();
        assertThat(store.latest("acme-ito").orElseThrow().adviceJson()).contains("\"relationshipId\":\"acme-ito\"");
    }
}
