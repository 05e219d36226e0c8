package com.covalue.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.covalue.TestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a portfolio is found on disk: which files, which lines, and what is said about the rest. */
class PortfolioFilesTest {

    @TempDir
    Path dir;

    private static String snapshot(String id) {
        return TestSupport.minimalJson(id).toString();
    }

    private static List<String> sources(PortfolioFiles.Found found) {
        return found.inputs().stream().map(i -> i.source().describe()).toList();
    }

    @Test
    void json_lines_keep_their_line_numbers_through_a_bom_crlf_and_blank_lines() throws Exception {
        Path file = dir.resolve("export.jsonl");
        Files.writeString(file, "\uFEFF" + snapshot("a") + "\r\n\r\n" + snapshot("b") + "\r\n", StandardCharsets.UTF_8);
        PortfolioFiles.Found found = PortfolioFiles.find(List.of(file));
        assertThat(sources(found)).containsExactly(file + ":1", file + ":3");
        assertThat(found.inputs().get(0).text()).startsWith("{").doesNotEndWith("\r");
        assertThat(TestSupport.reader().read(found.inputs().get(0).text()).relationship().id()).isEqualTo("a");
    }

    @Test
    void a_line_that_is_not_utf8_spoils_only_itself() throws Exception {
        Path file = dir.resolve("export.ndjson");
        byte[] good = (snapshot("a") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'{', (byte) 0xC3, (byte) 0x28, '}', '\n'};
        byte[] also = (snapshot("c") + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(file, concat(good, bad, also));
        PortfolioFiles.Found found = PortfolioFiles.find(List.of(file));
        assertThat(sources(found)).containsExactly(file + ":1", file + ":3");
        assertThat(found.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.source()).isEqualTo(PortfolioItem.line(file.toString(), 2));
            assertThat(u.error().code()).isEqualTo("unreadable_file");
            assertThat(u.error().errors().get(0).line()).isEqualTo(2);
        });
    }

    @Test
    void folders_are_searched_in_name_order_skipping_hidden_entries_and_other_files() throws Exception {
        Files.createDirectories(dir.resolve("b/.git"));
        Files.createDirectories(dir.resolve("a"));
        Files.writeString(dir.resolve("b/two.json"), snapshot("two"));
        Files.writeString(dir.resolve("a/one.JSON"), snapshot("one"));
        Files.writeString(dir.resolve("b/.git/hidden.json"), snapshot("hidden"));
        Files.writeString(dir.resolve(".draft.json"), snapshot("draft"));
        Files.writeString(dir.resolve("a/expect.yaml"), "verdict: RENEW");
        assertThat(sources(PortfolioFiles.find(List.of(dir))))
                .containsExactly(dir.resolve("a/one.JSON").toString(), dir.resolve("b/two.json").toString());
    }

    @Test
    void a_file_reached_twice_is_read_once_and_a_link_loop_is_skipped_with_a_warning() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.writeString(real.resolve("one.json"), snapshot("one"));
        Files.createSymbolicLink(dir.resolve("alias"), real);
        Files.createSymbolicLink(real.resolve("loop"), dir);
        PortfolioFiles.Found found = PortfolioFiles.find(List.of(dir, real.resolve("one.json"), real));
        assertThat(found.inputs()).hasSize(1);
        assertThat(found.warnings()).anySatisfy(w -> assertThat(w).contains("links back to a folder above it"));
    }

    @Test
    void a_json_file_may_hold_an_array_of_snapshots_named_by_index() throws Exception {
        Path file = dir.resolve("body.json");
        Files.writeString(file, "[" + snapshot("a") + ", " + snapshot("b") + "]");
        PortfolioFiles.Found found = PortfolioFiles.find(List.of(file));
        assertThat(found.inputs()).extracting(PortfolioReviewer.Input::source)
                .containsExactly(new PortfolioItem(file.toString(), null, 0), new PortfolioItem(file.toString(), null, 1));
        assertThat(found.inputs().get(1).source().describe()).isEqualTo(file + "[1]");
    }

    @Test
    void the_report_being_written_is_not_read_as_input_and_missing_paths_are_bad_usage() throws Exception {
        Files.writeString(dir.resolve("one.json"), snapshot("one"));
        Files.writeString(dir.resolve("review.json"), "{\"schemaVersion\": 1, \"summary\": {}}");
        assertThat(PortfolioFiles.find(List.of(dir), dir.resolve("review.json")).inputs()).hasSize(1);
        assertThatThrownBy(() -> PortfolioFiles.find(List.of(dir.resolve("nope"))))
                .isInstanceOf(PortfolioFiles.MissingPathException.class).hasMessageContaining("nope");
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
