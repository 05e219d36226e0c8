package com.covalue.cli;

import com.covalue.app.Covalue;
import com.covalue.app.CovalueService;
import com.covalue.app.RuleFolder;
import com.covalue.http.CovalueApp;
import com.covalue.http.ServerSettings;
import com.covalue.http.ServiceConfig;
import com.covalue.model.Json;
import com.covalue.store.StoreSettings;
import com.covalue.web.WebConfig;
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
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code covalue cds-training}: a short run through what {@code advise} and {@code serve} load, so
 * that the launcher can record the classes in a class-data sharing archive that later starts map at
 * once. The service is started as {@code serve} starts it, twice on one scratch store and cache: a
 * first start (compile, new store, first admin) and a warm one (cached rules, Flyway finding the
 * schema current), each answering one advice over HTTP. Classes a start does not load here are read
 * from the jar as usual. The rules compiled and checked here are then copied into the cache that
 * {@code --rule-cache} names (the default one if none; nothing with {@code off}), so that the first
 * real start does not compile them again. Hidden: only the launcher and the Dockerfile run it.
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
        Path scratch = Files.createTempDirectory("covalue-cds-training");
        try {
            RuleFolder scratchCached = new RuleFolder(rules.folder, scratch.resolve("cache").toString());
            for (int start = 0; start < 2; start++) {
                if (serveOnce(scratchCached, scratch.resolve("data"), example) != 200) {
                    return Main.FAILURES;
                }
            }
            // advise's path: the compiled rules read back from the cache, one evaluation, JSON out
            Covalue covalue = Covalue.command(scratchCached.compileOnce(), Clock.systemUTC());
            Json.MAPPER.writeValueAsString(covalue.advise(example, true));
            // the compile and property check done here are what the first real start would do again
            scratchCached.handCompiledRulesTo(rules.cache);
            return Main.OK;
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Starts the service as {@code serve} does, on 127.0.0.1 and a free port; returns the status of one advice. */
    private static int serveOnce(RuleFolder folder, Path data, String example) throws Exception {
        try (CovalueService service = CovalueService.open(folder, StoreSettings.embedded(data), Clock.systemUTC())) {
            service.covalue().accounts().ensureFirstAdmin(null);
            Javalin app = CovalueApp.create(service, new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY,
                    ServiceConfig.DEFAULT_MAX_BATCH, null), ServerSettings.defaults(), WebConfig.closed()).start("127.0.0.1", 0);
            try {
                service.watchRules(Duration.ofMillis(300));
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/api/v1/advice"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(example)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } finally {
                service.stopWatching();
                app.stop();
            }
        }
    }
}
