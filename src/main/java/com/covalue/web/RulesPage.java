package com.covalue.web;

import com.covalue.app.Covalue;
import com.covalue.app.RuleRegistry;
import com.covalue.app.RulesOverview;
import com.covalue.app.Verification;
import io.javalin.http.Context;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The active rules, read only: revision and load time, the last reload's errors, factors to
 * practices to catalogue entries to the rules recommending each, and on demand the rules that no
 * scenario fires. Rule text is never accepted over HTTP.
 */
public final class RulesPage {

    /** The page; {@code coverage} is null until asked for (it runs every scenario). */
    public record RulesView(Pages.Chrome chrome, RulesOverview overview, String folder, Verification coverage, String scenarios) {
    }

    private final Covalue covalue;
    private final RuleRegistry registry;

    RulesPage(Covalue covalue, RuleRegistry registry) {
        this.covalue = covalue;
        this.registry = registry;
    }

    void show(Context ctx) {
        RulesOverview overview = covalue.rulesOverview(registry.lastReload().orElse(null));
        Path scenarios = registry.folder().toAbsolutePath().getParent() == null ? null
                : registry.folder().toAbsolutePath().getParent().resolve("scenarios");
        boolean haveScenarios = scenarios != null && Files.isDirectory(scenarios);
        Verification coverage = "true".equals(ctx.queryParam("coverage")) && haveScenarios ? covalue.verify(scenarios, name -> true) : null;
        Pages.render(ctx, 200, "web/rules.jte", new RulesView(Pages.chrome(ctx, "Rules", "rules"), overview,
                registry.folder().toString(), coverage, haveScenarios ? scenarios.toString() : null));
    }
}
