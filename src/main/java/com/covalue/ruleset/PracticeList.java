package com.covalue.ruleset;

import com.covalue.model.Factor;
import com.covalue.model.Kind;
import com.covalue.model.Problem;
import com.covalue.model.SnapshotField;
import com.covalue.model.SnapshotFields;
import com.covalue.validation.Levenshtein;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The research practices both sides answer about, read from {@code rules/practices.yaml} in the
 * file's order (the study's table order): the one list the questionnaire, the snapshot's practice
 * answers and the rules share.
 */
public final class PracticeList implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public static final String FILE = "practices.yaml";
    public static final PracticeList EMPTY = new PracticeList(new LinkedHashMap<>());

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]{1,9}-[0-9]{2,3}");
    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^([^\\s#'\"][^:]*):");
    private static final Set<String> KEYS = Set.of("factor", "kind", "table", "practice", "client", "supplier", "facts");

    private final Map<String, Practice> practices;
    private final List<Practice> all;
    private final Map<Factor, List<Practice>> byFactor;
    /** Each practice's position in {@link #all}, for reading a snapshot's answers into place; rebuilt on deserialisation. */
    private final transient Map<String, Integer> positions;

    private PracticeList(LinkedHashMap<String, Practice> practices) {
        this.practices = Collections.unmodifiableMap(practices);
        this.all = List.copyOf(practices.values());
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            positions.put(all.get(i).id(), i);
        }
        this.positions = Collections.unmodifiableMap(positions);
        Map<Factor, List<Practice>> byFactor = new EnumMap<>(Factor.class);
        for (Factor f : Factor.values()) {
            byFactor.put(f, all.stream().filter(p -> p.factor() == f).toList());
        }
        this.byFactor = Collections.unmodifiableMap(byFactor);
    }

    /** Every practice, in the study's table order. */
    public List<Practice> all() {
        return all;
    }

    /** One factor's practices, in the study's table order. */
    public List<Practice> of(Factor factor) {
        return byFactor.get(factor);
    }

    /** A deserialised list is built again from its practices, so its positions are there too. */
    private Object readResolve() {
        return new PracticeList(new LinkedHashMap<>(practices));
    }

    /** The position of a practice in {@link #all()}, or -1 when the list does not have it. */
    public int position(String id) {
        Integer at = positions.get(id);
        return at == null ? -1 : at;
    }

    public Optional<Practice> find(String id) {
        return Optional.ofNullable(practices.get(id));
    }

    /** The practice ids, for checking a snapshot's answers. */
    public Set<String> ids() {
        return practices.keySet();
    }

    /** Reads and checks the list; every problem is added to {@code problems} with its line. */
    static PracticeList parse(String text, List<Problem> problems) {
        int before = problems.size();
        LinkedHashMap<String, Practice> practices = new LinkedHashMap<>();
        duplicateIds(text, problems);
        if (problems.size() > before) {
            return new PracticeList(practices); // said in words here; the YAML parser would only echo it
        }
        YamlFile file = YamlFile.parse(FILE, text, problems);
        if (file == null) {
            return new PracticeList(practices); // a syntax error: later checks would only echo it
        }
        YamlFile.eachField(file.root(), e -> entry(file, e.getKey(), e.getValue(), problems).ifPresent(p -> practices.put(p.id(), p)));
        return new PracticeList(practices);
    }

    private static Optional<Practice> entry(YamlFile file, String id, JsonNode body, List<Problem> problems) {
        int line = file.lineOf(id, 1);
        int before = problems.size();
        if (!ID.matcher(id).matches()) {
            problems.add(Problem.atLine(FILE, line, "id '" + id + "' must be capital letters, a dash and a number, like GOV-05"));
        }
        if (!body.isObject()) {
            problems.add(Problem.atLine(FILE, line, id + ": expected the keys " + String.join(", ", KEYS.stream().sorted().toList())));
            return Optional.empty();
        }
        YamlFile.eachField(body, f -> {
            if (!KEYS.contains(f.getKey())) {
                String hint = Levenshtein.closest(f.getKey(), KEYS).map(c -> "; did you mean '" + c + "'?").orElse("");
                problems.add(Problem.atLine(FILE, file.lineOf(f.getKey(), line), id + ": unknown key '" + f.getKey() + "'" + hint));
            }
        });
        Keys field = new Keys(file, id, body, line, problems);
        String factorText = field.text("factor");
        Factor factor = factorText == null ? null : Factor.byKey(factorText).orElse(null);
        if (factorText != null && factor == null) {
            problems.add(Problem.atLine(FILE, file.lineOf("factor", line), id + ": factor '" + factorText + "' is not one of "
                    + Arrays.stream(Factor.values()).map(Factor::key).toList()));
        }
        String kindText = field.text("kind");
        Kind kind = kindText == null ? null : Arrays.stream(Kind.values()).filter(k -> k.name().equals(kindText)).findFirst().orElse(null);
        if (kindText != null && kind == null) {
            problems.add(Problem.atLine(FILE, file.lineOf("kind", line), id + ": kind '" + kindText + "' is not one of "
                    + Arrays.toString(Kind.values())));
        }
        String table = field.text("table");
        String statement = field.text("practice");
        String client = field.text("client");
        String supplier = field.text("supplier");
        List<SnapshotField> facts = field.facts();
        return problems.size() > before ? Optional.empty()
                : Optional.of(new Practice(id, factor, kind, table, statement, client, supplier, facts));
    }

    /** A practice's keys, each reported at its own line when missing or wrong. */
    private record Keys(YamlFile file, String id, JsonNode body, int line, List<Problem> problems) {

        String text(String key) {
            JsonNode v = body.get(key);
            if (v == null || !v.isValueNode() || v.asText().isBlank()) {
                problems.add(Problem.atLine(FILE, line, id + ": '" + key + "' is missing or empty"));
                return null;
            }
            return v.asText().strip().replaceAll("\\s+", " ");
        }

        List<SnapshotField> facts() {
            JsonNode v = body.get("facts");
            if (v == null) {
                return List.of();
            }
            int at = file.lineOf("facts", line);
            if (!v.isArray()) {
                problems.add(Problem.atLine(FILE, at, id + ": 'facts' must be a list of snapshot fields, like [governance.rolesDefined]"));
                return List.of();
            }
            List<SnapshotField> facts = new ArrayList<>();
            List<String> paths = SnapshotFields.all().stream().map(SnapshotField::path).toList();
            for (JsonNode item : v) {
                Optional<SnapshotField> f = SnapshotFields.byPath(item.asText());
                if (f.isPresent()) {
                    facts.add(f.get());
                } else {
                    String hint = Levenshtein.closest(item.asText(), paths).map(c -> "; did you mean '" + c + "'?").orElse("");
                    problems.add(Problem.atLine(FILE, at, id + ": '" + item.asText() + "' is not a snapshot field" + hint));
                }
            }
            return facts;
        }
    }

    /** A practice id written twice: YAML would silently keep the last one. */
    private static void duplicateIds(String text, List<Problem> problems) {
        Map<String, Integer> firstLine = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = TOP_LEVEL_KEY.matcher(lines[i]);
            if (m.find()) {
                String id = m.group(1).strip();
                Integer first = firstLine.putIfAbsent(id, i + 1);
                if (first != null) {
                    problems.add(Problem.atLine(FILE, i + 1, "practice " + id + " is listed twice (first at line " + first + ")"));
                }
            }
        }
    }
}
