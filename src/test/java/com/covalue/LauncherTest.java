package com.covalue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./covalue} launcher's class-data sharing archive: whatever state it is in, the launcher
 * still starts Covalue. Each test runs a copy of the launcher in a folder of its own, over a jar that
 * holds only a manifest pointing at the tests' class path (the launcher then finds no sources newer
 * than its jar, so it builds nothing).
 */
class LauncherTest {

    @TempDir
    Path dir;

    @Test
    void a_corrupt_class_archive_does_not_stop_serve_from_starting() throws Exception {
        Path jar = launcherJar(Instant.now().minusSeconds(60));
        Path archive = jar.resolveSibling("covalue.jsa");
        Files.write(archive, "not a class-data sharing archive, e.g. one cut short by a full disk".getBytes(StandardCharsets.UTF_8));

        Process p = launcher(Map.of("COVALUE_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"), "serve", "--host", "127.0.0.1",
                "--port", "0", "--rules", TestSupport.RULES.toString(), "--data", dir.resolve("data").toString(),
                "--rule-cache", dir.resolve("cache").toString());
        try {
            List<String> seen = new CopyOnWriteArrayList<>();
            CompletableFuture<Boolean> listening = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader log = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = log.readLine()) != null; ) {
                        seen.add(line);
                        if (line.contains("listening on http://127.0.0.1:")) {
                            return true;
                        }
                    }
                    return false;
                } catch (IOException e) {
                    return false;
                }
            });
            assertThat(listening.get(120, TimeUnit.SECONDS)).as("serve started; it said:\n%s", String.join("\n", seen)).isTrue();
            assertThat(String.join("\n", seen)).as("Java refuses the archive silently").doesNotContainIgnoringCase("shared archive");
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void an_archive_older_than_the_jar_is_never_used_again() throws Exception {
        Path jar = launcherJar(Instant.now());
        Path archive = jar.resolveSibling("covalue.jsa");
        Files.write(archive, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(3600))); // recorded for an earlier build

        // with the archive off, the launcher records none: what is left to see is that the stale one is gone
        Process p = launcher(Map.of("COVALUE_CDS", "off"), "--version");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).startsWith("covalue ");
        assertThat(archive).doesNotExist();
    }

    @Test
    void a_recording_that_fails_leaves_no_archive_and_covalue_still_runs() throws Exception {
        launcherJar(Instant.now().minusSeconds(60));
        // no rules/ beside this launcher: the recording run cannot serve advice and fails
        Process p = launcher(Map.of("COVALUE_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"), "--version");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("recording the start-up class archive").contains("covalue ");
        try (Stream<Path> files = Files.list(dir.resolve("target/run"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("covalue.jar");
        }
    }

    /** Copies the launcher into {@link #dir} with a jar of a manifest only (Main and the tests' class path), last modified at {@code built}. */
    private Path launcherJar(Instant built) throws IOException {
        Files.copy(Path.of("covalue"), dir.resolve("covalue"));
        Path jar = Files.createDirectories(dir.resolve("target/run")).resolve("covalue.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "com.covalue.cli.Main");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, Stream.of(System.getProperty("java.class.path")
                .split(java.io.File.pathSeparator)).map(e -> Path.of(e).toAbsolutePath().toUri().toString()).collect(Collectors.joining(" ")));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream unused = new JarOutputStream(out, manifest)) {
            // the manifest is the whole jar
        }
        Files.setLastModifiedTime(jar, FileTime.from(built));
        return jar;
    }

    private Process launcher(Map<String, String> env, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of("sh", dir.resolve("covalue").toString()), Stream.of(args)).toList())
                .redirectErrorStream(true);
        pb.environment().remove("COVALUE_JAVA_OPTS");
        pb.environment().putAll(env);
        return pb.start();
    }
}
