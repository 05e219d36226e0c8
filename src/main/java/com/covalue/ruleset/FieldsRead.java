package com.covalue.ruleset;

import com.covalue.facts.Timeline;
import com.covalue.model.DerivedFrom;
import com.covalue.model.Factor;
import com.covalue.model.SnapshotField;
import com.covalue.model.SnapshotFields;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.PatternDescr;

/**
 * Which contract fields a pattern's constraints read, e.g. {@code governance.escalationPath} for
 * {@code Governance( escalationPath == false )}: the data gaps are the unknown ones among them.
 * A derived value ({@link DerivedFrom}) counts as reading the fields behind it.
 */
final class FieldsRead {

    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.$\\w])([a-z][A-Za-z0-9]*)\\b");
    private static final Pattern FACTOR_CONSTANT = Pattern.compile("\\bfactor\\s*==\\s*Factor\\s*\\.\\s*([A-Z_]+)\\b");
    private static final Pattern STRING = Pattern.compile("\"[^\"]*\"");
    private static final Pattern FIELD_CONSTANT = Pattern.compile("\\bfield\\s*==\\s*SnapshotField\\s*\\.\\s*([A-Z_0-9]+)\\b");

    private FieldsRead() {
    }

    static Set<String> of(PatternDescr pattern) {
        String text = Patterns.constraintText(pattern);
        Set<String> fields = new TreeSet<>();
        if (Patterns.isPerception(pattern)) {
            perceptionFields(text, fields);
            return fields;
        }
        if (Patterns.isBelowGoodEnough(pattern)) {
            // the frequency it names (every frequency of the good-enough table when it names none)
            Matcher f = FIELD_CONSTANT.matcher(text);
            while (f.find()) {
                Arrays.stream(SnapshotField.values()).filter(known -> known.name().equals(f.group(1)))
                        .map(SnapshotField::path).forEach(fields::add);
            }
            if (fields.isEmpty()) {
                SnapshotFields.all().stream().filter(SnapshotField::goodEnoughFromRules).map(SnapshotField::path)
                        .forEach(fields::add);
            }
            return fields;
        }
        Patterns.Section section = Patterns.section(pattern);
        Class<?> factType = section != null ? section.type() : Patterns.isTimeline(pattern) ? Timeline.class : null;
        if (factType == null) {
            return fields;
        }
        Matcher m = IDENTIFIER.matcher(STRING.matcher(text).replaceAll("\"\""));
        while (m.find()) {
            String name = m.group(1);
            for (Method method : factType.getMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == 0) {
                    DerivedFrom derived = method.getAnnotation(DerivedFrom.class);
                    if (derived != null) {
                        fields.addAll(Arrays.asList(derived.value()));
                    } else if (section != null && isComponent(section.type(), name)) {
                        fields.add(section.prefix() + "." + name);
                    }
                }
            }
        }
        return fields;
    }

    private static boolean isComponent(Class<? extends Record> type, String name) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).anyMatch(name::equals);
    }

    /** Both sides' ratings of the factors the pattern names ({@code factor == Factor.TRUST}; every factor when it names none). */
    private static void perceptionFields(String text, Set<String> fields) {
        Set<String> factors = new TreeSet<>();
        Matcher f = FACTOR_CONSTANT.matcher(text);
        while (f.find()) {
            // an unknown constant is Drools' error to report
            Arrays.stream(Factor.values()).filter(known -> known.name().equals(f.group(1))).map(Factor::key)
                    .forEach(factors::add);
        }
        if (factors.isEmpty()) {
            Arrays.stream(Factor.values()).map(Factor::key).forEach(factors::add);
        }
        Set<String> sides = new TreeSet<>();
        String unquoted = STRING.matcher(text).replaceAll("\"\"");
        if (unquoted.matches("(?s).*\\bclient\\b.*")) {
            sides.add("client");
        }
        if (unquoted.matches("(?s).*\\bsupplier\\b.*")) {
            sides.add("supplier");
        }
        if (unquoted.matches("(?s).*\\b(lower|higher|gap)\\b.*")) {
            sides.addAll(List.of("client", "supplier"));
        }
        for (String factor : factors) {
            for (String side : sides) {
                fields.add("views." + side + ".ratings." + factor);
            }
        }
    }
}
