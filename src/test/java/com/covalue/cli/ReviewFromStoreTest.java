package com.covalue.cli;

import static com.covalue.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.advice.Advisor;
import com.covalue.model.Json;
import com.covalue.model.Snapshot;
import com.covalue.review.PortfolioFiles;
import com.covalue.review.PortfolioReviewer;
import com.covalue.store.HistoryStore;
import com.covalue.store.StoreSettings;
import com.covalue.validation.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `covalue review --data DIR`: the renewal review from the service's stored history gives what the files give. */
class ReviewFromStoreTest {

    private static final String SEASON = "scenarios/portfolios/renewal-season";

    @TempDir
    Path data;

    /** Stores every readable snapshot of the renewal-season portfolio in an embedded store in {@code data}; answers how many. */
    static int storeSeason(Path data) throws Exception {
        int stored = 0;
        try (HistoryStore store = HistoryStore.open(StoreSettings.embedded(data), TestSupport.CLOCK)) {
            Advisor advisor = new Advisor();
            for (PortfolioReviewer.Input input : PortfolioFiles.find(List.of(Path.of(SEASON))).inputs()) {
                Snapshot s;
                try {
                    s = TestSupport.reader().read(input.json());
                } catch (InvalidInputException e) {
                    continue;
                }
                String json = input.text();
                store.save(s, json, true, previous -> advisor.evaluate(TestSupport.realRules(), s,
                        new Advisor.Options(false, previous)).advice());
                stored++;
            }
        }
        return stored;
    }

    @Test
    void reviewing_the_store_matches_reviewing_the_same_snapshots_as_files() throws Exception {
        assertThat(storeSeason(data)).isGreaterThan(5);

        CliTest.Run fromFiles = run("review", SEASON, "--as-of", "2026-11-23", "--format", "json", "--no-progress");
        CliTest.Run fromStore = run("review", "--data", data.toString(), "--as-of", "2026-11-23", "--format", "json", "--no-progress");
        assertThat(fromStore.exit()).as(fromStore.err()).isEqualTo(fromFiles.exit()).isEqualTo(1);
        JsonNode files = Json.MAPPER.readTree(fromFiles.out());
        JsonNode db = Json.MAPPER.readTree(fromStore.out());
        assertThat(summaryOf(db)).isEqualTo(summaryOf(files));
        assertThat(db.at("/summary/gate")).isEqualTo(files.at("/summary/gate"));
        assertThat(db.at("/reviewed/0/source/file").asText()).startsWith("store:");
        assertThat(db.get("reviewed").findValues("travel")).as("direction of travel from the stored history").hasSize(2);
    }

    /** Each reviewed relationship's id, verdict, conditions and direction of travel, in order. */
    private static List<String> summaryOf(JsonNode review) {
        List<String> out = new ArrayList<>();
        review.get("reviewed").forEach(r -> out.add(r.get("id").asText() + " " + r.get("verdict").asText() + " "
                + r.get("conditions") + " " + r.get("travel")));
        return out;
    }

    @Test
    void review_needs_paths_or_a_store_and_refuses_a_folder_without_one() {
        CliTest.Run none = run("review", "--no-progress");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("review needs PATH..., --db URL or --data DIR");
        CliTest.Run empty = run("review", "--data", data.toString(), "--no-progress");
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).contains("no history store in " + data);
        CliTest.Run badUrl = run("review", "--db", "jdbc:mysql://nowhere/x", "--no-progress");
        assertThat(badUrl.exit()).isEqualTo(2);
        assertThat(badUrl.err()).contains("must start with jdbc:postgresql:");
    }
}
