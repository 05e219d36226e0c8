package com.covalue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code covalue verify} for CI: the property check on the folder being verified, JUnit XML and JSON, and --run. */
class VerifyCommandTest {

    @TempDir
    Path dir;

    private Path rulesWith(String file, String text) throws Exception {
        Path rules = TestSupport.copyRules(dir.resolve("rules"));
        Files.writeString(rules.resolve(file), text);
        return rules;
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_rule_that_asks_for_a_practice_in_place_fails_verify_naming_the_rule_scenario_and_property() throws Exception {
        Path rules = rulesWith("bad.drl", com.covalue.BadRules.RECOMMENDS_WHAT_IS_IN_PLACE);
        CliTest.Run r = CliTest.run("verify", "--rules", rules.toString(), "--rule-cache", "off", "--run", "healthy");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL healthy-partnership\n", // its expectations see the advice too
                "FAIL healthy-partnership: \"advice never contradicts the facts\" (property 6)",
                "rule \"An escalation path is in place\" (bad.drl:6) breaks",
                "Coverage: not judged, only some scenarios ran",
                "Result: 0 passed, 1 failed; 1 property check failed");
    }

    @Test
    void junit_xml_has_a_test_case_per_scenario_and_per_property_with_the_failure_message() throws Exception {
        Path rules = rulesWith("bad.drl", com.covalue.BadRules.ADDS_ADVICE_WHEN_A_FACT_IMPROVES);
        CliTest.Run r = CliTest.run("verify", "--rules", rules.toString(), "--rule-cache", "off",
                "--format", "junit", "--run", "^(avoidable-costs|contract-example)$");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        Document doc = xml(r.out());
        NodeList cases = doc.getElementsByTagName("testcase");
        // two scenarios, and five properties on each
        assertThat(cases.getLength()).isEqualTo(2 + 2 * 5);
        Element broken = null;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("classname").equals("properties.contract-example")
                    && c.getAttribute("name").contains("property 2")) {
                broken = c;
            }
        }
        assertThat(broken).isNotNull();
        Element failure = (Element) broken.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).startsWith("rule \"Recognition calls for more meetings\" (bad.drl:6) breaks")
                .contains("trust.recognition goes from false to true");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo(
                String.valueOf(doc.getElementsByTagName("failure").getLength()));
    }

    @Test
    void json_lists_every_outcome_and_a_summary_and_passes_on_the_shipped_rules() throws Exception {
        CliTest.Run r = CliTest.run("verify", "--format", "json", "--run", "contract-example|renewal-season");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertThat(json.get("scenarios")).extracting(s -> s.get("name").asText()).containsExactly("contract-example");
        assertThat(json.get("portfolios")).extracting(s -> s.get("name").asText()).containsExactly("portfolios/renewal-season");
        assertThat(json.get("properties")).hasSize(5).allSatisfy(p -> assertThat(p.get("failures")).isEmpty());
        assertThat(json.at("/propertyCheck/evaluations").asInt()).isGreaterThan(20);
        assertThat(json.at("/summary/passed").asBoolean()).isTrue();
        assertThat(json.get("coverageChecked").asBoolean()).isFalse();
    }

    @Test
    void a_run_pattern_that_matches_no_scenario_is_bad_usage() {
        CliTest.Run r = CliTest.run("verify", "--run", "no-such-scenario");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no scenario under scenarios matches the selection");
        assertThat(CliTest.run("verify", "--format", "xml").exit()).isEqualTo(2);
    }
}
