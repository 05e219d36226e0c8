package com.covalue.ruleset;

import com.covalue.facts.BelowGoodEnough;
import com.covalue.facts.Change;
import com.covalue.facts.Perception;
import com.covalue.facts.PerceptionTrend;
import com.covalue.facts.PracticeAnswers;
import com.covalue.facts.Previous;
import com.covalue.facts.Timeline;
import com.covalue.model.Context;
import com.covalue.model.Delivery;
import com.covalue.model.Governance;
import com.covalue.model.Innovation;
import com.covalue.model.Measurement;
import com.covalue.model.MutualGoals;
import com.covalue.model.Openness;
import com.covalue.model.Relationship;
import com.covalue.model.Trust;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/** What the rule checks need to know about a rule's patterns: which fact each reads, and its constraints as text. */
final class Patterns {

    /** Snapshot section fact types by simple name, with the contract prefix of their fields. */
    record Section(String prefix, Class<? extends Record> type) {
    }

    private static final Map<String, Section> SECTIONS = Map.of(
            "Relationship", new Section("relationship", Relationship.class),
            "Governance", new Section("governance", Governance.class),
            "Measurement", new Section("measurement", Measurement.class),
            "Openness", new Section("openness", Openness.class),
            "Trust", new Section("trust", Trust.class),
            "Delivery", new Section("delivery", Delivery.class),
            "MutualGoals", new Section("mutualGoals", MutualGoals.class),
            "Innovation", new Section("innovation", Innovation.class),
            "Context", new Section("context", Context.class));

    /** Facts that exist only when a trend can be seen, so "there is no such fact" also matches unknown history. */
    private static final Set<String> TREND_FACTS = Set.of(
            Change.class.getSimpleName(), PerceptionTrend.class.getSimpleName(), Previous.class.getSimpleName());

    private Patterns() {
    }

    /** Every pattern of a rule's conditions, inside 'not', 'exists', 'or' and the like too. */
    static List<PatternDescr> of(RuleDescr rule) {
        List<PatternDescr> patterns = new ArrayList<>();
        walk(rule.getLhs(), patterns);
        return patterns;
    }

    private static void walk(BaseDescr descr, List<PatternDescr> patterns) {
        if (descr instanceof PatternDescr pattern) {
            patterns.add(pattern);
        }
        if (descr instanceof ConditionalElementDescr ce) {
            for (BaseDescr child : ce.getDescrs()) {
                walk(child, patterns);
            }
        }
    }

    /** The fact type as written, without its package: {@code Governance}. */
    static String simpleName(PatternDescr pattern) {
        String type = pattern.getObjectType();
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** The snapshot section a pattern reads, or null for other facts. */
    static Section section(PatternDescr pattern) {
        return SECTIONS.get(simpleName(pattern));
    }

    static boolean isPerception(PatternDescr pattern) {
        return simpleName(pattern).equals(Perception.class.getSimpleName());
    }

    static boolean isTimeline(PatternDescr pattern) {
        return simpleName(pattern).equals(Timeline.class.getSimpleName());
    }

    /**
     * Facts read from the snapshot (sections, Timeline, Perception, both sides' practice answers)
     * or compared with the previous one (the trend facts), where null or absence means unknown.
     */
    static boolean isSnapshotFact(PatternDescr pattern) {
        return section(pattern) != null || isTimeline(pattern) || isPerception(pattern)
                || simpleName(pattern).equals(PracticeAnswers.class.getSimpleName()) || isBelowGoodEnough(pattern)
                || TREND_FACTS.contains(simpleName(pattern));
    }

    static boolean isBelowGoodEnough(PatternDescr pattern) {
        return simpleName(pattern).equals(BelowGoodEnough.class.getSimpleName());
    }

    /** The pattern's constraints as one text, e.g. {@code escalationPath == false }. */
    static String constraintText(PatternDescr pattern) {
        StringBuilder constraints = new StringBuilder();
        for (BaseDescr d : pattern.getDescrs()) {
            constraints.append(d instanceof ExprConstraintDescr e ? e.getExpression() : d.getText()).append(' ');
        }
        return constraints.toString();
    }

    /** The line of a pattern, or of its rule when Drools did not record one. */
    static int lineOf(PatternDescr pattern, RuleDescr rule) {
        return pattern.getLine() > 0 ? pattern.getLine() : rule.getLine();
    }
}
