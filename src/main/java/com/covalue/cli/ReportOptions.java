package com.covalue.cli;

import com.covalue.review.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --out} of the commands that write a portfolio report ({@code review}, {@code diff}). */
final class ReportOptions {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, md (Markdown), html (one self-contained file) or json. Default: ${DEFAULT-VALUE}.")
    ReportFormat format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path out;

    /** @throws IllegalArgumentException when {@code --out} names a folder, or a file in a folder that does not exist */
    void checkOut() {
        if (out == null) {
            return;
        }
        Path folder = out.toAbsolutePath().getParent();
        if (Files.isDirectory(out) || folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("cannot write the report to " + out + ": "
                    + (Files.isDirectory(out) ? "it is a folder" : "the folder " + folder + " does not exist"));
        }
    }

    /** Writes a report onto a writer it is given; an {@link UncheckedIOException} counts as an {@link IOException}. */
    interface Report {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Prints the report, or writes it to {@code --out} through a temporary file, so a pipeline never
     * picks up half a report. It is written as it is rendered, never held whole in memory. False
     * (said on {@code err}) when the file cannot be written.
     */
    boolean write(Report report, PrintWriter stdout, PrintWriter err) {
        if (out == null) {
            try {
                report.writeTo(stdout);
            } catch (IOException | UncheckedIOException e) { // PrintWriter swallows its own errors; this is only a renderer's
                err.println("covalue: cannot write the report: " + e.getMessage());
                err.flush();
                return false;
            }
            stdout.flush();
            return true;
        }
        try {
            Path tmp = out.toAbsolutePath().resolveSibling("." + out.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                // a plain new file, so the report gets the user's usual permissions (umask), unlike a temp file
                try (Writer file = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    report.writeTo(file);
                }
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            err.println("covalue: cannot write " + out + ": " + e.getMessage());
            err.flush();
            return false;
        }
    }
}
