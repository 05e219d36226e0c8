package com.covalue.ruleset;

import com.covalue.model.Factor;
import com.covalue.model.Level;
import com.covalue.model.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How a recommendation's priority score (0-100) is computed, with the weights read from
 * {@code rules/priority.yaml} so governance leads own them:
 *
 * <pre>
 * score = 100 * ( w.dominance     * dominance[factor]
 *               + w.severity      * severity                        (worst of the rules that fired, 0..1)
 *               + w.corroboration * min(1, (evidence - 1) / (saturation - 1))   (distinct facts and answers)
 *               + w.renewal       * clamp(1 - daysToRenewal / horizonDays, 0, 1) )
 * </pre>
 *
 * The weights sum to 1. Every term grows with its input, so fewer problems never raise a score
 * and a nearer renewal never lowers one (the contract's properties 2 and 3).
 */
public record PriorityPolicy(
        double dominanceWeight,
        double severityWeight,
        double corroborationWeight,
        double renewalWeight,
        Map<Factor, Double> dominance,
        int corroborationSaturation,
        int renewalHorizonDays,
        int criticalFrom,
        int highFrom,
        int mediumFrom,
        HealthPolicy health)
        implements java.io.Serializable {

    public static final String FILE = "priority.yaml";

    /**
     * The score for a recommendation of {@code factor}.
     *
     * @param severity      how far the facts are from good, 0..1 (the worst of the rules that gave it)
     * @param evidence      how many distinct snapshot facts and answers it rests on (at least 1)
     * @param daysToRenewal days to the renewal, or null when unknown
     */
    public int score(Factor factor, double severity, int evidence, Long daysToRenewal) {
        double corroboration = corroborationSaturation <= 1 ? 1.0
                : Math.min(1.0, (evidence - 1) / (double) (corroborationSaturation - 1));
        double urgency = daysToRenewal == null ? 0.0
                : clamp(1.0 - daysToRenewal / (double) renewalHorizonDays);
        double raw = dominanceWeight * dominance.get(factor)
                + severityWeight * clamp(severity)
                + corroborationWeight * corroboration
                + renewalWeight * urgency;
        return (int) Math.round(100 * clamp(raw));
    }

    public Level level(int score) {
        if (score >= criticalFrom) {
            return Level.CRITICAL;
        }
        if (score >= highFrom) {
            return Level.HIGH;
        }
        return score >= mediumFrom ? Level.MEDIUM : Level.LOW;
    }

    private static double clamp(double x) {
        return Math.max(0.0, Math.min(1.0, x));
    }

    /** Reads and checks {@code priority.yaml}; problems carry the line of the offending key. */
    static PriorityPolicy parse(String text, List<Problem> problems) {
        int before = problems.size();
        YamlFile file = YamlFile.parse(FILE, text, problems);
        if (file == null) {
            return null;
        }
        JsonNode root = file.root();
        YamlFile.eachField(root, e -> {
            if (!List.of("weights", "dominance", "corroborationSaturation", "renewalHorizonDays", "levels", "health").contains(e.getKey())) {
                problems.add(Problem.atLine(FILE, file.lineOf(e.getKey(), 1), "unknown key '" + e.getKey()
                        + "'; the keys are weights, dominance, corroborationSaturation, renewalHorizonDays, levels, health"));
            }
        });
        JsonNode weights = root.path("weights");
        double wDominance = number(file, weights, "dominance", 0, 1, problems);
        double wSeverity = number(file, weights, "severity", 0, 1, problems);
        double wCorroboration = number(file, weights, "corroboration", 0, 1, problems);
        double wRenewal = number(file, weights, "renewal", 0, 1, problems);
        double sum = wDominance + wSeverity + wCorroboration + wRenewal;
        if (problems.size() == before && Math.abs(sum - 1.0) > 0.001) {
            problems.add(Problem.atLine(FILE, file.lineOf("weights", 1), "the four weights must add up to 1, but they add up to "
                    + Math.round(sum * 1000) / 1000.0));
        }
        Map<Factor, Double> dominance = new EnumMap<>(Factor.class);
        for (Factor f : Factor.values()) {
            dominance.put(f, number(file, root.path("dominance"), f.key(), 0, 1, problems));
        }
        int saturation = (int) number(file, root, "corroborationSaturation", 1, 50, problems);
        int horizon = (int) number(file, root, "renewalHorizonDays", 1, 3650, problems);
        JsonNode levels = root.path("levels");
        int critical = (int) number(file, levels, "CRITICAL", 0, 100, problems);
        int high = (int) number(file, levels, "HIGH", 0, 100, problems);
        int medium = (int) number(file, levels, "MEDIUM", 0, 100, problems);
        if (!(critical > high && high > medium)) {
            problems.add(Problem.atLine(FILE, file.lineOf("levels", 1), "levels must fall: CRITICAL above HIGH above MEDIUM"));
        }
        HealthPolicy health = HealthPolicy.parse(file, root.path("health"), problems);
        if (problems.size() > before) {
            return null;
        }
        return new PriorityPolicy(wDominance, wSeverity, wCorroboration, wRenewal, dominance, saturation, horizon,
                critical, high, medium, health);
    }

    static double number(YamlFile file, JsonNode parent, String key, double min, double max, List<Problem> problems) {
        JsonNode v = parent.get(key);
        if (v == null || !v.isNumber()) {
            problems.add(Problem.atLine(FILE, file.lineOf(key, 1), "'" + key + "' must be a number"
                    + (v == null ? " and is missing" : ", not '" + v.asText() + "'")));
            return 0;
        }
        if (v.asDouble() < min || v.asDouble() > max) {
            problems.add(Problem.atLine(FILE, file.lineOf(key, 1), "'" + key + "' must be between " + fmt(min) + " and "
                    + fmt(max) + ", not " + v.asText()));
        }
        return v.asDouble();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
