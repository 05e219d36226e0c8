package com.covalue.review;

import com.covalue.model.ErrorResponse;
import com.covalue.model.Problem;
import com.covalue.review.PortfolioReviewer.Input;
import com.covalue.review.Review.Unreadable;
import com.covalue.validation.InvalidInputException;
import com.covalue.validation.SnapshotReader;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import com.covalue.model.ErrorCode;

/**
 * Finds the snapshots of a portfolio on disk. A {@code .json} file holds one snapshot, or a JSON
 * array of them; a {@code .jsonl} / {@code .ndjson} file holds one per line. Folders are searched
 * recursively in name order, following symbolic links (a link back up the tree is skipped with a
 * warning) and skipping hidden entries and other file types, such as a scenario's expect.yaml. A
 * file reached twice, through two arguments or a link, is read once.
 */
public final class PortfolioFiles {

    /** The snapshots found, the inputs that could not be read at all, and what a reader should know. */
    public record Found(List<Input> inputs, List<Unreadable> unreadable, List<String> warnings) {
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
        return find(paths, null);
    }

    /** As {@link #find(List)}, leaving out {@code exclude} (the report being written, say) if it is met. */
    public static Found find(List<Path> paths, Path exclude) {
        List<String> warnings = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>();
        Path excluded = exclude == null ? null : realOrAbsolute(exclude);
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new MissingPathException(path);
            }
            for (Path file : files(path, warnings)) {
                Path real = realOrAbsolute(file);
                if (!real.equals(excluded) && seen.add(real)) {
                    files.add(file);
                }
            }
        }
        List<Input> inputs = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (Path file : files) {
            read(file, inputs, unreadable);
        }
        return new Found(List.copyOf(inputs), List.copyOf(unreadable), List.copyOf(warnings));
    }

    /** A file named on the command line is read whatever its extension; folders give only snapshot files. */
    private static List<Path> files(Path path, List<String> warnings) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(path, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(path) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !hidden(file) && (isJson(file) || isJsonLines(file))) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    warnings.add(e instanceof FileSystemLoopException
                            ? file + " links back to a folder above it; skipped"
                            : file + " could not be read: " + e.getMessage() + "; skipped");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }

    private static void read(Path file, List<Input> inputs, List<Unreadable> unreadable) {
        String name = file.toString();
        byte[] bytes;
        try {
            if (isJsonLines(file)) {
                readLines(file, inputs, unreadable);
                return;
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            unreadable.add(unreadable(PortfolioItem.file(name), "The file could not be read.", "could not be read: " + e.getMessage()));
            return;
        }
        String text;
        try {
            text = utf8(bytes, 0, bytes.length);
        } catch (CharacterCodingException e) {
            unreadable.add(unreadable(PortfolioItem.file(name), "The file is not UTF-8 text.", "not UTF-8 text; save it as UTF-8"));
            return;
        }
        if (!text.stripLeading().replace("\uFEFF", "").startsWith("[")) {
            inputs.add(new Input.InFile(PortfolioItem.file(name), file, 0, bytes.length)); // read again when reviewed
            return;
        }
        // A JSON array of snapshots, such as a saved request body of POST /api/v1/reviews: held parsed, in memory.
        JsonNode array;
        try {
            array = SnapshotReader.parse(text);
        } catch (InvalidInputException e) {
            unreadable.add(new Unreadable(PortfolioItem.file(name), e.error()));
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            inputs.add(Input.json(new PortfolioItem(name, null, i), array.get(i)));
        }
    }

    /**
     * One snapshot per line; a line that is not UTF-8 spoils only itself. The file is read in pieces
     * and each line kept only as its place in the file (it may be larger than memory); a line is
     * decoded here to know that it is UTF-8 and not blank, and again when it is reviewed.
     */
    private static void readLines(Path file, List<Input> inputs, List<Unreadable> unreadable) throws IOException {
        String name = file.toString();
        byte[] line = new byte[8192];
        int length = 0;     // bytes of the current line so far
        long start = 0;     // where the current line starts in the file
        int number = 0;
        byte[] piece = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(piece); n >= 0; n = in.read(piece)) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (piece[i] != '\n') {
                        continue;
                    }
                    line = append(line, length, piece, from, i - from);
                    length += i - from;
                    addLine(file, PortfolioItem.line(name, ++number), line, length, start, inputs, unreadable);
                    start += length + 1;
                    length = 0;
                    from = i + 1;
                }
                line = append(line, length, piece, from, n - from);
                length += n - from;
            }
        }
        if (length > 0) { // a last line with no line break
            addLine(file, PortfolioItem.line(name, ++number), line, length, start, inputs, unreadable);
        }
    }

    private static byte[] append(byte[] line, int length, byte[] piece, int from, int count) {
        byte[] to = length + count <= line.length ? line : Arrays.copyOf(line, Math.max(2 * line.length, length + count));
        System.arraycopy(piece, from, to, length, count);
        return to;
    }

    /** The line of {@code length} bytes that starts at {@code start}, without its CR or (first line) byte-order mark. */
    private static void addLine(Path file, PortfolioItem item, byte[] bytes, int length, long start, List<Input> inputs,
                                List<Unreadable> unreadable) {
        int stop = length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
        int skip = item.line() == 1 && stop >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        try {
            if (!utf8(bytes, skip, stop - skip).isBlank()) {
                inputs.add(new Input.InFile(item, file, start + skip, stop - skip));
            }
        } catch (CharacterCodingException e) {
            unreadable.add(unreadable(item, "The line is not UTF-8 text.", "not UTF-8 text; save the file as UTF-8"));
        }
    }

    private static Unreadable unreadable(PortfolioItem item, String message, String problem) {
        return new Unreadable(item, new ErrorResponse(ErrorCode.UNREADABLE_FILE, message,
                List.of(Problem.atLine(item.file(), item.line(), problem))));
    }

    private static String utf8(byte[] bytes, int offset, int length) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, length))
                .toString();
    }

    private static Path realOrAbsolute(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static boolean hidden(Path p) {
        return p.getFileName() != null && p.getFileName().toString().startsWith(".");
    }

    static boolean isJson(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    static boolean isJsonLines(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jsonl") || n.endsWith(".ndjson");
    }
}
