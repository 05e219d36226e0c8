package com.covalue.review;

import com.covalue.model.ErrorResponse;
import com.covalue.model.Problem;
import com.covalue.review.PortfolioReviewer.Input;
import com.covalue.review.Review.Unreadable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds the snapshots of a portfolio on disk: {@code .json} files hold one snapshot each,
 * {@code .jsonl} / {@code .ndjson} files one per line, and folders are searched recursively (in
 * name order, skipping hidden entries and other file types, such as a scenario's expect.yaml).
 */
public final class PortfolioFiles {

    /** The snapshots found, and the files that could not be read at all. */
    public record Found(List<Input> inputs, List<Unreadable> unreadable) {
    }

    /** A PATH argument that does not exist: bad usage rather than a bad snapshot. */
    public static final class MissingPathException extends RuntimeException {
        public MissingPathException(Path path) {
            super("no such file or folder: " + path);
        }
    }

    private PortfolioFiles() {
    }

    public static Found find(List<Path> paths) {
        List<Input> inputs = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new MissingPathException(path);
            }
            for (Path file : files(path)) {
                read(file, inputs, unreadable);
            }
        }
        return new Found(List.copyOf(inputs), List.copyOf(unreadable));
    }

    /** A file named on the command line is read whatever its extension; folders give only snapshot files. */
    private static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !hidden(path.relativize(p)))
                    .filter(p -> isJson(p) || isJsonLines(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void read(Path file, List<Input> inputs, List<Unreadable> unreadable) {
        String name = file.toString();
        String text;
        try {
            text = utf8(Files.readAllBytes(file));
        } catch (CharacterCodingException e) {
            unreadable.add(new Unreadable(PortfolioItem.file(name), new ErrorResponse("unreadable_file",
                    "The file is not UTF-8 text.", List.of(Problem.atLine(name, null, "not UTF-8 text; save it as UTF-8")))));
            return;
        } catch (IOException e) {
            unreadable.add(new Unreadable(PortfolioItem.file(name), new ErrorResponse("unreadable_file",
                    "The file could not be read.", List.of(Problem.atLine(name, null, "could not be read: " + e.getMessage())))));
            return;
        }
        if (!isJsonLines(file)) {
            inputs.add(Input.text(PortfolioItem.file(name), text));
            return;
        }
        int[] number = {0};
        text.lines().forEach(line -> {
            number[0]++;
            if (!line.isBlank()) {
                inputs.add(Input.text(PortfolioItem.line(name, number[0]), line));
            }
        });
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static boolean isJson(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    static boolean isJsonLines(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jsonl") || n.endsWith(".ndjson");
    }
}
