package com.covalue.bench;

import com.covalue.model.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * Writes a portfolio of N snapshots for the review benchmark, as one JSON Lines file in the given
 * folder: the example snapshot (contract version 1 or 2) with its own id, ratings and renewal date
 * for each relationship (seeded, so every run reviews the same portfolio).
 *
 * <p>Usage: PortfolioGenerator EXAMPLE_JSON OUT_DIR N
 */
public final class PortfolioGenerator {

    private static final String[] FACTORS = {"governance", "trust", "openness", "delivery", "mutualGoals", "measurement", "innovation"};

    public static void main(String[] args) throws Exception {
        ObjectNode example = (ObjectNode) Json.MAPPER.readTree(Files.readString(Path.of(args[0])));
        Path dir = Files.createDirectories(Path.of(args[1]));
        int n = Integer.parseInt(args[2]);
        Random random = new Random(42);
        LocalDate assessed = LocalDate.parse(example.get("assessedOn").asText());
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("portfolio.jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                ObjectNode s = example.deepCopy();
                ObjectNode rel = (ObjectNode) s.get("relationship");
                rel.put("id", "generated-" + i);
                rel.put("name", "Generated relationship " + i);
                rel.put("renewalDate", assessed.plusDays(30 + random.nextInt(400)).toString());
                for (String side : new String[] {"client", "supplier"}) {
                    // version 1 rates in perceptions.<side>, version 2 in views.<side>.ratings
                    ObjectNode p = (ObjectNode) (s.has("perceptions") ? s.get("perceptions").get(side)
                            : s.get("views").get(side).get("ratings"));
                    for (String f : FACTORS) {
                        p.put(f, 1 + random.nextInt(5));
                    }
                }
                out.write(Json.MAPPER.writeValueAsString(s));
                out.write('\n');
            }
        }
    }
}
