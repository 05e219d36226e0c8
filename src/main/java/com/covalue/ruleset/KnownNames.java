package com.covalue.ruleset;

import java.util.Set;

/**
 * The closed sets of names kept in the rules folder's YAML files, for checking the names rules
 * write in quotes: practice ids ({@code practices.yaml}) and recommendation ids
 * ({@code catalogue.yaml}). A set is null when its file could not be read, so that one YAML
 * mistake does not turn into a false error at every rule that names something in it.
 */
record KnownNames(Set<String> practices, Set<String> recommendations) {
}
