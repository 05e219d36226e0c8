package com.covalue.ruleset;

import java.util.List;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * A rule file as text and as Drools' description of it; {@code descr} is null when it does not
 * parse (Drools' own build then reports the syntax error with its line).
 */
record ParsedDrl(String file, String text, List<String> lines, PackageDescr descr) {

    static ParsedDrl parse(String file, String text) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException e) {
            pkg = null;
        }
        boolean failed = pkg == null || parser.hasErrors();
        return new ParsedDrl(file, text, List.of(text.split("\n", -1)), failed ? null : pkg);
    }

    /**
     * Whether the file can be compiled apart from the others: it declares nothing (types,
     * functions, queries) that another file could use or clash with.
     */
    boolean standsAlone() {
        return descr != null && descr.getTypeDeclarations().isEmpty() && descr.getEnumDeclarations().isEmpty()
                && descr.getFunctions().isEmpty() && descr.getEntryPointDeclarations().isEmpty()
                && descr.getWindowDeclarations().isEmpty() && descr.getRules().stream().noneMatch(RuleDescr::isQuery);
    }
}
