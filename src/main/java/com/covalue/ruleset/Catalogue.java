package com.covalue.ruleset;

import com.covalue.model.Factor;
import com.covalue.model.Kind;
import com.covalue.model.Owner;
import com.covalue.model.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.regex.Pattern;

/** The recommendations rules may give, read from {@code rules/catalogue.yaml}, keyed by stable id. */
public final class Catalogue implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public static final String FILE = "catalogue.yaml";
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");
    private static final Set<String> KEYS = Set.of("title", "action", "factor", "kind", "owner", "source", "practices");

    private final Map<String, CatalogueEntry> entries;
    /**
     * Lookups rule consequences make on every firing, answered once per catalogue: by id, and the
     * entry serving or agreeing on each practice an entry names. As streams over every entry they
     * were about 7% of an evaluation's CPU samples with the shipped rules. Rebuilt, not stored, when a cached
     * rule set is read back (see {@link #readResolve()}).
     */
    private final transient Map<String, CatalogueEntry> byId;
    private final transient Map<String, String> servingByPractice;
    private final transient Map<String, String> agreeingByPractice;

    private Catalogue(Map<String, CatalogueEntry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
        this.byId = new HashMap<>(entries);
        this.servingByPractice = servingEach(entries.values(), false);
        this.agreeingByPractice = servingEach(entries.values(), true);
    }

    /** A deserialised catalogue is built again from its entries, so its lookups are there too. */
    private Object readResolve() {
        return new Catalogue(entries);
    }

    /** The source of section 5's practice matching: entries with it help the two sides agree. */
    public static final String MATCHING_SOURCE = "study 5";

    /**
     * The entry that puts a practice in place: of the entries not sourced {@code study 5} whose
     * {@code practices:} name it, the most specific (fewest practices), then the first by id.
     */
    public Optional<String> servingPractice(String practice) {
        return Optional.ofNullable(servingByPractice.get(practice));
    }

    /** The {@code study 5} entry that helps the two sides agree how a practice really works. */
    public Optional<String> agreeingOnPractice(String practice) {
        return Optional.ofNullable(agreeingByPractice.get(practice));
    }

    /** For each practice some entry names, the entry {@link #servingPractice} (or, matching, {@link #agreeingOnPractice}) gives. */
    private static Map<String, String> servingEach(Collection<CatalogueEntry> entries, boolean matching) {
        Comparator<CatalogueEntry> mostSpecific = Comparator.comparingInt((CatalogueEntry e) -> e.practices().size())
                .thenComparing(CatalogueEntry::id);
        Map<String, CatalogueEntry> best = new HashMap<>();
        for (CatalogueEntry e : entries) {
            if (e.source().equals(MATCHING_SOURCE) == matching) {
                for (String practice : e.practices()) {
                    best.merge(practice, e, BinaryOperator.minBy(mostSpecific));
                }
            }
        }
        Map<String, String> ids = new HashMap<>();
        best.forEach((practice, e) -> ids.put(practice, e.id()));
        return ids;
    }

    public Optional<CatalogueEntry> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return entries.containsKey(id);
    }

    public Map<String, CatalogueEntry> entries() {
        return entries;
    }

    /** Reads and checks the catalogue; every problem is added to {@code problems} with its line. */
    static Catalogue parse(String text, List<Problem> problems) {
        YamlFile file = YamlFile.parse(FILE, text, problems);
        Map<String, CatalogueEntry> entries = new TreeMap<>();
        if (file == null) {
            return new Catalogue(entries);
        }
        YamlFile.eachField(file.root(), e -> {
            String id = e.getKey();
            int line = file.lineOf(id, 1);
            JsonNode body = e.getValue();
            int before = problems.size();
            if (!ID.matcher(id).matches()) {
                problems.add(Problem.atLine(FILE, line, "id '" + id + "' must be capital letters, digits and dashes, like OPENNESS-ESCALATION-PATH"));
            }
            if (!body.isObject()) {
                problems.add(Problem.atLine(FILE, line, id + ": expected the keys " + String.join(", ", KEYS.stream().sorted().toList())));
                return;
            }
            YamlFile.eachField(body, f -> {
                if (!KEYS.contains(f.getKey())) {
                    problems.add(Problem.atLine(FILE, file.lineOf(f.getKey(), line), id + ": unknown key '" + f.getKey()
                            + "'; the keys are title, action, factor, kind, owner, source, practices"));
                }
            });
            String title = text(body, "title", id, file, line, problems);
            String action = text(body, "action", id, file, line, problems);
            String source = text(body, "source", id, file, line, problems);
            if (source != null && Sources.problemWith(source) != null) {
                problems.add(Problem.atLine(FILE, file.lineOf("source", line), id + ": source " + Sources.problemWith(source)));
            }
            Factor factor = choice(body, "factor", id, file, line, problems, Factor.class);
            Kind kind = choice(body, "kind", id, file, line, problems, Kind.class);
            Owner owner = choice(body, "owner", id, file, line, problems, Owner.class);
            List<String> practices = practiceIds(body, id, file, line, problems);
            if (problems.size() == before) {
                entries.put(id, new CatalogueEntry(id, title, action, factor, kind, owner, source, practices));
            }
        });
        return new Catalogue(entries);
    }

    /**
     * The optional {@code practices: [GOV-05, OPE-02]}: the research practices the entry serves.
     * Whether each id is in {@code practices.yaml} is checked once both files are read.
     */
    private static List<String> practiceIds(JsonNode body, String id, YamlFile file, int line, List<Problem> problems) {
        JsonNode v = body.get("practices");
        if (v == null) {
            return List.of();
        }
        if (!v.isArray() || v.isEmpty()) {
            problems.add(Problem.atLine(FILE, file.lineOf("practices", line), id + ": 'practices' must be a list of practice ids,"
                    + " like [GOV-05, OPE-02]"));
            return List.of();
        }
        List<String> ids = new java.util.ArrayList<>();
        v.forEach(item -> ids.add(item.asText()));
        return List.copyOf(ids);
    }

    /**
     * Every practice id an entry names that the practice list does not have, at the entry's line;
     * and every practice no entry serves, or no {@code study 5} entry helps agree on: the practice
     * rules recommend through these, so each practice must reach advice from its answers.
     */
    void checkPractices(PracticeList list, String text, List<Problem> problems) {
        for (Practice practice : list.all()) {
            if (servingPractice(practice.id()).isEmpty()) {
                problems.add(Problem.atLine(FILE, 0, "practice " + practice.id() + " (" + practice.statement() + ") is served by"
                        + " no entry: give the entry that puts it in place a 'practices: [" + practice.id() + "]' key"));
            }
            if (agreeingOnPractice(practice.id()).isEmpty()) {
                problems.add(Problem.atLine(FILE, 0, "practice " + practice.id() + " has no entry sourced '" + MATCHING_SOURCE
                        + "' to help the two sides agree on it: add it to its factor's agreement entry's 'practices'"));
            }
        }
        List<String> lines = text.lines().map(String::strip).toList();
        entries.values().forEach(entry -> entry.practices().stream().filter(p -> list.find(p).isEmpty()).forEach(p -> {
            int line = lines.indexOf(entry.id() + ":") + 1;
            String hint = com.covalue.validation.Levenshtein.closest(p, list.ids()).map(c -> "; did you mean '" + c + "'?").orElse("");
            problems.add(Problem.atLine(FILE, line, entry.id() + ": practice '" + p + "' is not in " + PracticeList.FILE + hint));
        }));
    }

    private static String text(JsonNode body, String key, String id, YamlFile file, int line, List<Problem> problems) {
        JsonNode v = body.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            problems.add(Problem.atLine(FILE, line, id + ": '" + key + "' is missing or empty"));
            return null;
        }
        return v.asText().strip().replaceAll("\\s+", " ");
    }

    private static <E extends Enum<E>> E choice(JsonNode body, String key, String id, YamlFile file, int line,
            List<Problem> problems, Class<E> type) {
        String value = text(body, key, id, file, line, problems);
        if (value == null) {
            return null;
        }
        if (type == Factor.class) {
            Optional<Factor> f = Factor.byKey(value);
            if (f.isEmpty()) {
                problems.add(Problem.atLine(FILE, file.lineOf(key, line), id + ": factor '" + value + "' is not one of "
                        + Arrays.stream(Factor.values()).map(Factor::key).toList()));
                return null;
            }
            return type.cast(f.get());
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.atLine(FILE, file.lineOf(key, line), id + ": " + key + " '" + value + "' is not one of "
                    + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
