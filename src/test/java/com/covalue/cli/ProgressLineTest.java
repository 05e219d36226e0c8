package com.covalue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private final AtomicLong now = new AtomicLong();
    private final StringWriter written = new StringWriter();

    private ProgressLine line(boolean enabled) {
        return new ProgressLine(new PrintWriter(written, true), enabled, now::get);
    }

    @Test
    void a_quick_run_shows_nothing() {
        try (ProgressLine p = line(true)) {
            now.set(100_000_000L);
            p.update("snapshots checked", 10, 10);
        }
        assertThat(written.toString()).isEmpty();
    }

    @Test
    void a_long_run_redraws_one_line_in_place_a_few_times_a_second_and_erases_it() {
        try (ProgressLine p = line(true)) {
            now.set(1_000_000_000L);
            p.update("snapshots checked", 2_500, 10_000);
            now.addAndGet(10_000_000L);
            p.update("snapshots checked", 2_600, 10_000);   // too soon to redraw
            now.addAndGet(200_000_000L);
            p.update("snapshots checked", 10_000, 10_000);
        }
        String out = written.toString();
        assertThat(out).startsWith("\rcovalue review: 2,500 of 10,000 snapshots checked (25%)");
        assertThat(out).doesNotContain("2,600").contains("\rcovalue review: 10,000 of 10,000 snapshots checked (100%)");
        assertThat(out).endsWith("\r").doesNotContain("\n");
    }

    @Test
    void switched_off_it_never_writes() {
        try (ProgressLine p = line(false)) {
            now.set(5_000_000_000L);
            p.update("relationships reviewed", 1, 2);
        }
        assertThat(written.toString()).isEmpty();
    }
}
