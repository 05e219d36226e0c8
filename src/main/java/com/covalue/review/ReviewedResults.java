package com.covalue.review;

import com.covalue.model.Json;
import com.covalue.model.Verdict;
import com.covalue.review.Review.Reviewed;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a review's relationships go as they are evaluated, from several threads, and how they come
 * back most urgent first: kept in memory, or spilled to a temporary file and read back one at a
 * time as the report is written, for a portfolio larger than memory (the command line).
 */
sealed interface ReviewedResults permits ReviewedResults.Kept, ReviewedResults.Spilled {

    void add(Reviewed reviewed);

    /** What orders the relationships and decides the gate, most urgent first. */
    List<Urgency> urgencies();

    /** The relationships, most urgent first. */
    List<Reviewed> reviewed();

    /** What places a relationship in the review: soonest renewal, then the worse verdict, then by id so the order is stable. */
    record Urgency(long daysToRenewal, Verdict verdict, String id) {

        static final Comparator<Urgency> ORDER = Comparator.comparingLong(Urgency::daysToRenewal)
                .thenComparing(Urgency::verdict, Comparator.reverseOrder())
                .thenComparing(Urgency::id);

        static Urgency of(Reviewed r) {
            return new Urgency(r.daysToRenewal(), r.verdict(), r.id());
        }
    }

    /** Every result held in memory: reviews of a request body, whose size is capped. */
    final class Kept implements ReviewedResults {
        private final List<Reviewed> reviewed = new ArrayList<>();

        @Override
        public synchronized void add(Reviewed r) {
            reviewed.add(r);
        }

        @Override
        public synchronized List<Urgency> urgencies() {
            return reviewed.stream().map(Urgency::of).sorted(Urgency.ORDER).toList();
        }

        @Override
        public synchronized List<Reviewed> reviewed() {
            return reviewed.stream().sorted(Comparator.comparing(Urgency::of, Urgency.ORDER)).toList();
        }
    }

    /**
     * Results held in memory up to a budget of heap and, beyond it, each written to a temporary file
     * as JSON as soon as it is made, keeping only its urgency and place in memory. {@link #reviewed()}
     * is a list that reads each spilled element from the file when asked for it, so a report is
     * written holding the budget and one relationship more at most (the JSON of one is about 13 KB;
     * the generated portfolio of 100,000 has 43,170 due). Which results are held depends on the
     * order the threads finish in; the list is the same either way.
     */
    final class Spilled implements ReviewedResults {
        /**
         * The heap one held result is taken to fill, rounded up from what results of the generated
         * portfolios hold after a full GC (413 results: v1 10.1 KB each, v2 with both views 16.8 KB).
         */
        static final long HELD_BYTES = 20 * 1024;

        private static final ObjectWriter WRITER = Json.MAPPER.writerFor(Reviewed.class);
        private static final ObjectReader READER = Json.MAPPER.readerFor(Reviewed.class);

        /** Where one result is: held in memory, or at its place in the temporary file. */
        private sealed interface Entry {
            Urgency urgency();
        }

        private record Held(Urgency urgency, Reviewed reviewed) implements Entry {
        }

        private record OnDisk(Urgency urgency, long offset, int length) implements Entry {
        }

        private final int mostHeld;
        private final List<Entry> entries = new ArrayList<>();
        private int held;
        /** Opened with the first result beyond the budget: a review that fits never touches the disk. */
        private FileChannel file;
        private long end;

        /** Holds results while they fill at most {@code heldBudget} bytes of heap, by {@link #HELD_BYTES} each; 0 spills every one. */
        Spilled(long heldBudget) {
            mostHeld = (int) Math.min(Integer.MAX_VALUE, checkBudget(heldBudget) / HELD_BYTES);
        }

        /**
         * Results for a review of {@code due} relationships under {@code heldBudget}: all held when
         * they fit; otherwise the file is needed anyway, and only a quarter of the budget is held,
         * because results held for the whole second pass keep the heap above G1's marking threshold
         * (45% by default) and it marks over and over (at 100,000 with two fifths of the heap held:
         * 82-94 concurrent cycles and about 13% more CPU than with a tenth; BENCHMARKS, session 22).
         */
        static Spilled forReview(int due, long heldBudget) {
            checkBudget(heldBudget);
            return new Spilled((long) due * HELD_BYTES <= heldBudget ? heldBudget : heldBudget / 4);
        }

        static long checkBudget(long heldBudget) {
            if (heldBudget < 0) {
                throw new IllegalArgumentException("heldBudget < 0: " + heldBudget);
            }
            return heldBudget;
        }

        @Override
        public void add(Reviewed r) {
            synchronized (this) {
                if (held < mostHeld) {
                    held++;
                    entries.add(new Held(Urgency.of(r), r));
                    return;
                }
            }
            try {
                byte[] json = WRITER.writeValueAsBytes(r);
                synchronized (this) {
                    if (file == null) {
                        file = openTemporaryFile();
                    }
                    ByteBuffer bytes = ByteBuffer.wrap(json);
                    while (bytes.hasRemaining()) {
                        file.write(bytes, end + bytes.position());
                    }
                    entries.add(new OnDisk(Urgency.of(r), end, json.length));
                    end += json.length;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the review's temporary file: " + e.getMessage(), e);
            }
        }

        /** How many results are held in memory, not spilled. */
        synchronized int held() {
            return held;
        }

        private static FileChannel openTemporaryFile() {
            try {
                Path path = Files.createTempFile("covalue-review-", ".spill");
                // Deleted when closed and, on Unix, unlinked at once (the open channel still reads it), so that
                // nothing is left behind however the process ends; it lives as long as the review, closed at exit.
                return FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.DELETE_ON_CLOSE);
            } catch (IOException e) {
                throw new UncheckedIOException("could not create the review's temporary file: " + e.getMessage(), e);
            }
        }

        @Override
        public synchronized List<Urgency> urgencies() {
            return entries.stream().map(Entry::urgency).sorted(Urgency.ORDER).toList();
        }

        @Override
        public synchronized List<Reviewed> reviewed() {
            List<Entry> order = entries.stream().sorted(Comparator.comparing(Entry::urgency, Urgency.ORDER)).toList();
            return new AbstractList<>() {
                @Override
                public Reviewed get(int index) {
                    Entry entry = order.get(index);
                    return entry instanceof Held h ? h.reviewed() : read((OnDisk) entry);
                }

                @Override
                public int size() {
                    return order.size();
                }
            };
        }

        private Reviewed read(OnDisk entry) {
            ByteBuffer bytes = ByteBuffer.allocate(entry.length());
            try {
                while (bytes.hasRemaining() && file.read(bytes, entry.offset() + bytes.position()) >= 0) {
                    // read on until the entry is whole
                }
                return READER.readValue(bytes.array());
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the review's temporary file: " + e.getMessage(), e);
            }
        }
    }
}
