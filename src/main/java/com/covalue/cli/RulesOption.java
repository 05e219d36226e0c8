package com.covalue.cli;

import com.covalue.app.RuleFolder;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --rules DIR} and {@code --rule-cache DIR} options shared by the commands that evaluate rules. */
final class RulesOption {

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "${env:COVALUE_RULES:-rules}",
            description = "Folder of rule files (default: ${DEFAULT-VALUE}; env COVALUE_RULES).")
    Path folder;

    @Option(names = "--rule-cache", paramLabel = "DIR|off", defaultValue = "${env:COVALUE_RULE_CACHE}",
            description = {"Where compiled rule sets are kept by revision so that the next start skips compiling",
                    "(default: ~/.cache/covalue/compiled-rules; 'off' to always compile; env COVALUE_RULE_CACHE)."})
    String cache;

    RuleFolder ruleFolder() {
        return new RuleFolder(folder, cache);
    }
}
