package com.covalue.properties;

import com.covalue.model.CovalueException;
import com.covalue.model.Snapshot;
import com.covalue.model.SnapshotJson;
import com.covalue.scenario.ScenarioRunner;
import com.covalue.validation.SnapshotReader;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The starting points of a property check, read from scenario folders ({@code snapshot.json}, optionally {@code previous.json}). */
public final class ScenarioCases {

    private ScenarioCases() {
    }

    /**
     * Every scenario under {@code root} whose name {@code selected} accepts, named as
     * {@code covalue verify} names it. A scenario whose files cannot be read is left out: its own
     * run reports why.
     */
    public static List<PropertyChecker.Case> under(Path root, SnapshotReader reader, Predicate<String> selected) {
        List<PropertyChecker.Case> cases = new ArrayList<>();
        for (Path folder : ScenarioRunner.find(root)) {
            String name = ScenarioRunner.nameOf(root, folder);
            if (!selected.test(name)) {
                continue;
            }
            try {
                JsonNode json = SnapshotReader.parse(Files.readString(folder.resolve(ScenarioRunner.SNAPSHOT), StandardCharsets.UTF_8));
                Path previousFile = folder.resolve(ScenarioRunner.PREVIOUS);
                Snapshot previous = Files.exists(previousFile)
                        ? reader.read(Files.readString(previousFile, StandardCharsets.UTF_8)) : null;
                if (json.isObject()) {
                    cases.add(new PropertyChecker.Case(name, SnapshotJson.toVersion2(json), previous));
                }
            } catch (IOException | CovalueException e) {
                // left out: the scenario run names the file and the problem
            }
        }
        return cases;
    }
}
