package com.covalue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import org.junit.jupiter.api.Test;

/** What an operator meets first: the version, and the text report with its explanation. */
class OperationsCliTest {

    @Test
    void version_names_the_build_not_a_development_placeholder() {
        CliTest.Run r = CliTest.run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("covalue 0.").contains(", built 20").doesNotContain("development build")
                .doesNotContain("${");
    }

    @Test
    void advise_as_text_with_explain_shows_each_rule_and_what_it_matched() {
        CliTest.Run plain = CliTest.run("advise", TestSupport.EXAMPLE.toString(), "--format", "text");
        CliTest.Run explained = CliTest.run("advise", TestSupport.EXAMPLE.toString(), "--format", "text", "--explain");
        assertThat(explained.exit()).as(explained.err()).isZero();
        assertThat(plain.out()).doesNotContain("    Rule: ");
        assertThat(explained.out()).contains("    Rule: ").contains(".drl:").contains("      matched {");
        // the explanation is added under each recommendation; everything else is the same report
        assertThat(withoutExplanations(explained.out())).isEqualTo(plain.out().lines().toList());
    }

    /** The lines of a report without the explanation lines (and their wrapped continuations). */
    private static java.util.List<String> withoutExplanations(String report) {
        java.util.List<String> kept = new java.util.ArrayList<>();
        boolean inExplanation = false;
        for (String line : report.lines().toList()) {
            boolean continuation = inExplanation && line.startsWith("          ");
            inExplanation = line.startsWith("    Rule: ") || line.startsWith("      matched ") || continuation;
            if (!inExplanation) {
                kept.add(line);
            }
        }
        return kept;
    }
}
