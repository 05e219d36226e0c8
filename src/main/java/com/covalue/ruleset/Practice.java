package com.covalue.ruleset;

import com.covalue.model.Factor;
import com.covalue.model.Kind;
import com.covalue.model.SnapshotField;
import java.util.List;
import java.util.Objects;

/**
 * One research practice of {@code rules/practices.yaml}: a row of the study's tables 4.2.1-4.2.7,
 * with the question each side is asked about it and the objective facts that show it in place.
 *
 * @param id               stable id, e.g. {@code GOV-05}; snapshots answer it as {@code views.<side>.practices.GOV-05}
 * @param statement        the practice in one sentence
 * @param clientQuestion   what the client side is asked
 * @param supplierQuestion what the supplier side is asked
 * @param facts            snapshot facts that show whether the practice is in place (may be empty)
 */
public record Practice(String id, Factor factor, Kind kind, String table, String statement, String clientQuestion,
        String supplierQuestion, List<SnapshotField> facts) implements java.io.Serializable {

    public Practice {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(factor, "factor == null");
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(statement, "statement == null");
        Objects.requireNonNull(clientQuestion, "clientQuestion == null");
        Objects.requireNonNull(supplierQuestion, "supplierQuestion == null");
        facts = List.copyOf(facts);
    }
}
