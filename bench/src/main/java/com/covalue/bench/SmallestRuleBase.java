package com.covalue.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

/**
 * Writes into a folder the smallest rule base the service accepts: the real folder's catalogue,
 * priorities and practice list with the one rule the contract's property 5 ("no watermelon")
 * requires. A folder with no rule at all is refused by the service's property gate, so this is
 * the HTTP benchmark's "empty rule base". The rule fires once for a client that rates many
 * factors low, as both contract examples' clients do (one firing, a verdict and no recommendation).
 *
 * <p>Usage: SmallestRuleBase OUT_DIR
 */
public final class SmallestRuleBase {

    static final Set<String> RULES = Set.of("The client rates many success factors 1 or 2");

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        Path made = RuleBases.withOnly(RuleBases.root().resolve("rules"), RULES);
        try (var files = Files.list(made)) {
            for (Path f : files.toList()) {
                Files.copy(f, out.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
