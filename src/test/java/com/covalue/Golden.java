package com.covalue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: a rendering compared whole against {@code src/test/resources/golden/NAME}, so a
 * diff shows exactly what changed. Run with {@code -Dgolden.update=true} to rewrite the files
 * from the current output instead (then review the diff before committing it).
 */
public final class Golden {

    /** Where the golden files live, relative to the project folder the tests run in. */
    public static final Path FOLDER = Path.of("src/test/resources/golden");
    /** Where a differing output is written, so that {@code diff -r} shows the change. */
    private static final Path ACTUAL = Path.of("target/golden-actual");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private Golden() {
    }

    /** Asserts that {@code actual} is exactly the golden file {@code name}, or rewrites it when updating. */
    public static void assertMatches(String name, String actual) {
        Path file = FOLDER.resolve(name);
        try {
            if (UPDATE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file).as("golden file %s is missing: run the test with -Dgolden.update=true to create it", file)
                    .exists();
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                Path written = ACTUAL.resolve(name);
                Files.createDirectories(written.getParent());
                Files.writeString(written, actual, StandardCharsets.UTF_8);
                assertThat(actual).as("%s differs from its golden file; this run's output is in %s for diff "
                        + "(run with -Dgolden.update=true to accept it)", name, written).isEqualTo(expected);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
