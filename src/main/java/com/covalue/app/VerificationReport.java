package com.covalue.app;

import com.covalue.model.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code covalue verify}'s result for CI systems: JUnit XML (one test case per scenario, per
 * portfolio scenario and per property on each scenario, and one for rule coverage) and JSON.
 */
public final class VerificationReport {

    private VerificationReport() {
    }

    /**
     * JUnit XML as Jenkins, GitLab and GitHub's test reporters read it.
     *
     * @param requireCoverage whether a rule no scenario fires fails the coverage test case
     */
    public static String junit(Verification v, RulesInUse rules, boolean requireCoverage) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "covalue verify, rules " + rules.revision());
            boolean coverageFails = requireCoverage && !v.unfired().isEmpty();
            long failures = v.failed() + (coverageFails ? 1 : 0);
            int tests = v.total() + v.properties().size() + (v.coverageChecked() ? 1 : 0);
            xml.writeAttribute("tests", String.valueOf(tests));
            xml.writeAttribute("failures", String.valueOf(failures));
            xml.writeCharacters("\n");
            suite(xml, "scenarios", v.scenarios().stream().map(o -> new Case("scenarios", o.name(), o.failures())).toList());
            if (!v.portfolios().isEmpty()) {
                suite(xml, "portfolio reviews", v.portfolios().stream()
                        .map(o -> new Case("portfolios", o.name(), o.failures())).toList());
            }
            suite(xml, "properties", v.properties().stream()
                    .map(o -> new Case("properties." + o.scenario(), o.property(), o.failures())).toList());
            if (v.coverageChecked()) {
                List<String> unfired = v.unfired().stream()
                        .map(r -> com.covalue.model.Problem.location(r.file(), r.line()) + ": rule \"" + r.name() + "\" is fired by no scenario").toList();
                suite(xml, "coverage", List.of(new Case("coverage", "every rule is fired by a scenario",
                        requireCoverage ? unfired : List.of(), requireCoverage ? List.of() : unfired)));
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write JUnit XML", e);
        }
        return out.toString();
    }

    /** One test case: its failures fail it; notes are written to its output without failing it. */
    private record Case(String className, String name, List<String> failures, List<String> notes) {
        Case(String className, String name, List<String> failures) {
            this(className, name, failures, List.of());
        }
    }

    private static void suite(XMLStreamWriter xml, String name, List<Case> cases) throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", name);
        xml.writeAttribute("tests", String.valueOf(cases.size()));
        xml.writeAttribute("failures", String.valueOf(cases.stream().filter(c -> !c.failures().isEmpty()).count()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        xml.writeCharacters("\n");
        for (Case c : cases) {
            xml.writeCharacters("    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", c.className());
            xml.writeAttribute("name", c.name());
            if (!c.failures().isEmpty()) {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", c.failures().get(0)
                        + (c.failures().size() > 1 ? " (and " + (c.failures().size() - 1) + " more)" : ""));
                xml.writeAttribute("type", "failed expectation");
                xml.writeCharacters(String.join("\n", c.failures()));
                xml.writeEndElement();
            }
            if (!c.notes().isEmpty()) {
                xml.writeStartElement("system-out");
                xml.writeCharacters(String.join("\n", c.notes()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        xml.writeCharacters("  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** The whole result as JSON: the rules, every outcome, the rules not fired and a summary. */
    public static String json(Verification v, RulesInUse rules, boolean requireCoverage) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rules", rules);
        out.put("scenarios", v.scenarios());
        out.put("portfolios", v.portfolios());
        out.put("properties", v.properties());
        out.put("propertyCheck", v.propertyStats());
        out.put("coverageChecked", v.coverageChecked());
        out.put("unfired", v.unfired());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scenarios", v.total());
        summary.put("scenariosFailed", v.failedScenarios());
        summary.put("propertyChecks", v.properties().size());
        summary.put("propertyChecksFailed", v.properties().stream().filter(p -> !p.passed()).count());
        summary.put("passed", v.failed() == 0 && !(requireCoverage && !v.unfired().isEmpty()));
        out.put("summary", summary);
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
