package com.covalue.cli;

import com.covalue.app.Covalue;
import com.covalue.app.RuleFolder;
import com.covalue.http.CovalueApp;
import com.covalue.http.ServiceConfig;
import com.covalue.model.Json;
import com.covalue.app.RuleRegistry;
import com.covalue.app.ServiceMetrics;
import io.javalin.Javalin;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code covalue cds-training}: a short run through what {@code advise} and {@code serve} load
 * (rules, validation, evaluation, the web server and one request to it on 127.0.0.1), so that the
 * launcher can record the classes in a class-data sharing archive that later starts map at once.
 * Hidden: only the launcher and the Dockerfile run it.
 */
@Command(name = "cds-training", hidden = true, description = "Exercise start-up paths for a class-data sharing archive.")
final class CdsTrainingCommand implements Callable<Integer> {

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() throws Exception {
        String example;
        try (InputStream in = CdsTrainingCommand.class.getResourceAsStream("/warm-up/contract-example.json")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // compile the rules into a scratch cache, then load them back from it: both paths get recorded
        Path scratch = Files.createTempDirectory("covalue-cds-training");
        RuleFolder scratchCached = new RuleFolder(rules.folder, scratch.resolve("cache").toString());
        RuleRegistry registry = scratchCached.registry(Clock.systemUTC(), outcome -> { });
        try {
            scratchCached.compileOnce().current();
            if (registry.reload("cds-training").rejected()) {
                return Main.BAD_INPUT;
            }
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Covalue covalue = Covalue.command(registry, Clock.systemUTC());
        Json.MAPPER.writeValueAsString(covalue.advise(example, true));

        Javalin app = CovalueApp.create(covalue, registry, new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY,
                ServiceConfig.DEFAULT_MAX_BATCH, null), new ServiceMetrics()).start("127.0.0.1", 0);
        try {
            HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/api/v1/advice"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(example)).build(), HttpResponse.BodyHandlers.ofString());
            return reply.statusCode() == 200 ? Main.OK : Main.FAILURES;
        } finally {
            app.stop();
        }
    }
}
