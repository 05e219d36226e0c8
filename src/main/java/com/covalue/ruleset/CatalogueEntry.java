package com.covalue.ruleset;

import com.covalue.model.Factor;
import com.covalue.model.Kind;
import com.covalue.model.Owner;
import java.util.List;
import java.util.Objects;

/**
 * One recommendation in {@code rules/catalogue.yaml}: the words a rule's finding is shown with.
 *
 * @param practices the ids of the research practices (in {@code practices.yaml}) it serves
 */
public record CatalogueEntry(String id, String title, String action, Factor factor, Kind kind, Owner owner, String source,
        List<String> practices) implements java.io.Serializable {

    public CatalogueEntry {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(title, "title == null");
        Objects.requireNonNull(action, "action == null");
        Objects.requireNonNull(factor, "factor == null");
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(owner, "owner == null");
        Objects.requireNonNull(source, "source == null");
        practices = List.copyOf(practices);
    }
}
