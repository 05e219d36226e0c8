package com.covalue.bench;

import com.covalue.facts.AdviceCollector;
import com.covalue.facts.Perception;
import com.covalue.model.Factor;
import com.covalue.model.Snapshot;
import com.covalue.model.Verdict;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A fixed subset of the real rules, the first seven of rules/trust.drl (one-fact tests, two
 * two-fact joins and a join with a rating), written once more in plain Java: the limit Drools is
 * measured against. {@link RuleBases#TRUST_SUBSET} is the same seven rules as DRL, copied from
 * the file at run time, so the two are compared on identical conditions and reasons.
 */
final class TrustSubset {

    /** The rule names, in the order they stand in rules/trust.drl. */
    static final Set<String> RULES = Set.of(
            "Expectations are not set down in writing",
            "The books stay closed",
            "Invoices are disputed while the books stay closed",
            "The supplier has not learned what troubles the client",
            "No tested crisis plan covers the client",
            "Relationship leads rarely meet in person",
            "Trust is rated low while leads seldom meet in person");

    private TrustSubset() {
    }

    /** The seven rules on one snapshot; what they say goes to {@code advice}. */
    static void evaluate(Snapshot s, AdviceCollector advice) {
        var trust = s.trust();
        var openness = s.openness();
        if (Boolean.FALSE.equals(trust.expectationsDocumented())) {
            advice.recommend("TRUST-WRITTEN-EXPECTATIONS", 0.6, "what each side expects of the other is not written down");
        }
        if (Boolean.FALSE.equals(trust.openBook())) {
            advice.recommend("TRUST-OPEN-BOOK", 0.5, "sensitive financial and management information is not shared");
            Integer disputes = openness.billingDisputes12m();
            if (disputes != null && disputes >= 2) {
                advice.recommend("TRUST-OPEN-BOOK", Math.min(0.9, 0.5 + 0.05 * disputes),
                        disputes + " invoices disputed in 12 months while the books stay closed");
            }
        }
        if (Boolean.FALSE.equals(s.delivery().accountMapped()) && Boolean.FALSE.equals(s.innovation().clientSharesChallenges())) {
            advice.recommend("TRUST-UNDERSTAND-CLIENT-PAIN", 0.55,
                    "the client's stakeholders are not mapped and the client does not share its challenges");
        }
        if (Boolean.FALSE.equals(trust.crisisPlan())) {
            advice.recommend("TRUST-CRISIS-SUPPORT", 0.5, "no tested crisis-management plan covers the client");
        }
        Integer meetings = trust.faceToFacePerQuarter();
        if (meetings != null && meetings < 3) {
            advice.recommend("TRUST-FACE-TO-FACE", 0.8 - 0.1 * meetings,
                    "the relationship leads meet in person less than monthly (" + meetings + " a quarter)");
            Integer rating = new Perception(Factor.TRUST, s.views().client().ratings().of(Factor.TRUST),
                    s.views().supplier().ratings().of(Factor.TRUST)).lower();
            if (rating != null && rating <= 2) {
                advice.recommend("TRUST-FACE-TO-FACE", 0.85 - 0.05 * meetings,
                        "one side rates trust " + rating + " of 5, and the leads meet in person " + meetings + " a quarter");
            }
        }
    }

    /** Keeps what the rules said as the advisor's own collector does: by id, highest severity, reasons in order. */
    static final class Collected implements AdviceCollector {
        final Map<String, Double> severity = new LinkedHashMap<>();
        final Map<String, Set<String>> reasons = new LinkedHashMap<>();

        @Override
        public void recommend(String id, double severity, String reason) {
            this.severity.merge(id, Math.max(0.0, Math.min(1.0, severity)), Math::max);
            reasons.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(reason);
        }

        @Override
        public void recommendPractice(String practice, double severity, String reason) {
            throw new UnsupportedOperationException("not in the subset");
        }

        @Override
        public void recommendAgreement(String practice, double severity, String reason) {
            throw new UnsupportedOperationException("not in the subset");
        }

        @Override
        public void verdict(Verdict verdict, String reason) {
            throw new UnsupportedOperationException("not in the subset");
        }

        @Override
        public void condition(String id) {
            throw new UnsupportedOperationException("not in the subset");
        }
    }
}
