package com.covalue.advice;

import static com.covalue.TestSupport.minimalJson;
import static com.covalue.TestSupport.realRules;
import static com.covalue.TestSupport.reader;
import static com.covalue.TestSupport.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.model.Advice;
import com.covalue.model.Advice.Recommendation;
import com.covalue.ruleset.Catalogue;
import com.covalue.ruleset.Practice;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Section 5's practice matching, from both sides' answers: every practice reaches advice. */
class PracticeRulesTest {

    private static final Advisor ADVISOR = new Advisor();

    private static ObjectNode answered(String practice, String client, String supplier) {
        ObjectNode json = minimalJson("matching");
        json.put("schemaVersion", 2);
        if (client != null) {
            json = with(json, "views.client.practices." + practice, client);
        }
        if (supplier != null) {
            json = with(json, "views.supplier.practices." + practice, supplier);
        }
        return json;
    }

    private static Advice advise(ObjectNode json) {
        return ADVISOR.advise(realRules(), reader().read(json, realRules().practices().ids()));
    }

    private static List<Recommendation> serving(Advice a, String practice) {
        return a.recommendations().stream().filter(r -> r.practices().contains(practice)).toList();
    }

    @Test
    void every_practice_both_sides_say_is_missing_gets_the_advice_that_puts_it_in_place() {
        List<String> unreached = new ArrayList<>();
        for (Practice p : realRules().practices().all()) {
            Advice a = advise(answered(p.id(), "NO", "NO"));
            List<Recommendation> advice = serving(a, p.id());
            if (advice.size() != 1 || advice.get(0).source().equals(Catalogue.MATCHING_SOURCE)) {
                unreached.add(p.id() + " -> " + advice.stream().map(Recommendation::id).toList());
                continue;
            }
            Recommendation r = advice.get(0);
            assertThat(r.practices()).as(p.id()).containsExactly(p.id());
            assertThat(r.evidence()).as(p.id()).containsExactly("views.client.practices." + p.id(),
                    "views.supplier.practices." + p.id());
            assertThat(r.because()).as(p.id()).anySatisfy(reason -> assertThat(reason).contains(p.id(), "client NO, supplier NO"));
        }
        assertThat(unreached).as("practices whose 'both sides say no' reaches no single serving entry").isEmpty();
    }

    @Test
    void every_practice_the_two_sides_answer_differently_gets_advice_to_agree_on_it() {
        List<String> unreached = new ArrayList<>();
        for (Practice p : realRules().practices().all()) {
            Advice a = advise(answered(p.id(), "NO", "YES"));
            List<Recommendation> agree = serving(a, p.id()).stream()
                    .filter(r -> r.source().equals(Catalogue.MATCHING_SOURCE)).toList();
            if (agree.size() != 1) {
                unreached.add(p.id());
                continue;
            }
            assertThat(agree.get(0).factor()).as(p.id()).isEqualTo(p.factor());
            assertThat(agree.get(0).practices()).as(p.id()).containsExactly(p.id());
            assertThat(a.matching()).extracting(m -> m.practice()).containsExactly(p.id());
        }
        assertThat(unreached).as("practices whose mismatch reaches no agreement entry").isEmpty();
    }

    @Test
    void one_agreement_serving_several_practices_rests_on_the_answers_to_each() {
        List<Practice> governance = realRules().practices().of(com.covalue.model.Factor.GOVERNANCE);
        String first = governance.get(0).id();
        String second = governance.get(1).id();
        ObjectNode json = answered(first, "NO", "YES");
        json = with(with(json, "views.client.practices." + second, "YES"), "views.supplier.practices." + second, "PARTLY");
        Recommendation agree = advise(json).recommendations().stream()
                .filter(r -> r.source().equals(Catalogue.MATCHING_SOURCE)).findFirst().orElseThrow();
        assertThat(agree.practices()).containsExactly(first, second);
        assertThat(agree.evidence()).containsExactly("views.client.practices." + first, "views.client.practices." + second,
                "views.supplier.practices." + first, "views.supplier.practices." + second);
    }

    @Test
    void a_first_idea_proposed_never_raises_innovation_advice_that_answers_already_gave() {
        // found by the generated property test: the culture advice both sides' answers give must
        // not gain priority when the supplier starts proposing ideas (better never looks worse)
        ObjectNode none = with(with(answered("INN-08", "PARTLY", "NO"), "innovation.ideasProposed12m", 0),
                "innovation.ideasAdopted12m", 0);
        ObjectNode one = with(none, "innovation.ideasProposed12m", 1);
        assertThat(highestInnovation(advise(one))).isLessThanOrEqualTo(highestInnovation(advise(none)));
    }

    private static int highestInnovation(Advice a) {
        return a.recommendations().stream().filter(r -> r.factor() == com.covalue.model.Factor.INNOVATION)
                .mapToInt(r -> r.priority().score()).max().orElse(0);
    }

    @Test
    void a_practice_one_side_answered_or_both_have_in_place_gives_no_practice_advice() {
        String id = realRules().practices().all().get(4).id();
        assertThat(advise(answered(id, "NO", null)).recommendations()).isEmpty();
        assertThat(advise(answered(id, null, "NO")).recommendations()).isEmpty();
        assertThat(advise(answered(id, "YES", "YES")).recommendations()).isEmpty();
    }

    @Test
    void a_practice_partly_in_place_on_both_sides_is_less_urgent_than_one_missing_on_both() {
        String id = realRules().practices().all().get(4).id();
        int missing = serving(advise(answered(id, "NO", "NO")), id).get(0).priority().score();
        int partly = serving(advise(answered(id, "PARTLY", "PARTLY")), id).get(0).priority().score();
        assertThat(partly).isLessThan(missing);
    }
}
