package com.covalue.cli;

import com.covalue.review.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
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

    /**
     * Prints the report, or writes it to {@code --out} through a temporary file, so a pipeline never
     * picks up half a report. False (said on {@code err}) when the file cannot be written.
     */
    boolean write(String report, PrintWriter stdout, PrintWriter err) {
        if (out == null) {
            stdout.print(report);
            stdout.flush();
            return true;
        }
        try {
            Path tmp = out.toAbsolutePath().resolveSibling("." + out.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                // a plain new file, so the report gets the user's usual permissions (umask), unlike a temp file
                Files.writeString(tmp, report, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return true;
        } catch (IOException e) {
            err.println("covalue: cannot write " + out + ": " + e.getMessage());
            err.flush();
            return false;
        }
    }
}
