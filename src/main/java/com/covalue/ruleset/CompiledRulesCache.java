package com.covalue.ruleset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule sets compiled before, kept in a folder by revision, so that a process starting on rules it
 * has compiled before (a restart, a scaled-to-zero service waking up, the next CLI run) skips the
 * seconds a Drools build takes.
 *
 * <p>An entry is used only if it was written for the very revision of the files just read, by this
 * very build (Covalue, Drools and Java versions), its checksum matches, and it belongs to this user
 * and nobody else may write it. Anything else (missing, stale, truncated, corrupt, foreign) is
 * passed over silently and the rules are compiled as if there were no cache: a cache can make a
 * start faster, never different. Entries are written in the background after a successful
 * compile; the eight most recently used are kept.
 */
public final class CompiledRulesCache {

    private static final Logger LOG = LoggerFactory.getLogger(CompiledRulesCache.class);
    private static final String MAGIC = "covalue compiled rules";
    private static final int FORMAT = 2;
    private static final int KEEP = 8;
    private static final String SUFFIX = ".rules";
    /** A record that a check passed on a revision: {@code <revision>.<sha-256 of what was checked>.passed}. */
    private static final String PASSED = ".passed";
    /** What the entry's Java serialization may contain: our records, collections, enums. */
    private static final List<String> ALLOWED = List.of("java.lang.", "java.util.", "java.time.", "com.covalue.");

    /** What a rule set is besides its Drools packages, and the packages of each file serialized. */
    record Entry(Catalogue catalogue, PracticeList practices, PriorityPolicy priority, Map<String, RuleInfo> rules, List<String> files,
            Map<String, Integer> askedBy, LinkedHashMap<String, byte[]> packages) implements Serializable {
    }

    private final Path dir;
    private final String fingerprint;
    private final ExecutorService writer;

    private CompiledRulesCache(Path dir, String fingerprint) {
        this.dir = dir;
        this.fingerprint = fingerprint;
        this.writer = dir == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "covalue-rule-cache-writer");
            t.setDaemon(true);
            return t;
        });
    }

    /** No cache: every rule set is compiled. */
    public static CompiledRulesCache disabled() {
        return new CompiledRulesCache(null, null);
    }

    /** A cache in the given folder (created on first write); disabled if this build cannot identify itself. */
    public static CompiledRulesCache in(Path dir) {
        return BuildInfo.fingerprint().map(f -> new CompiledRulesCache(dir, f)).orElseGet(CompiledRulesCache::disabled);
    }

    /**
     * The cache a command uses: {@code setting} is a folder, or "off"; blank means the user's
     * cache folder ({@code $XDG_CACHE_HOME/covalue/compiled-rules}, else {@code ~/.cache/...}).
     */
    public static CompiledRulesCache forSetting(String setting) {
        if (setting != null && setting.strip().equalsIgnoreCase("off")) {
            return disabled();
        }
        if (setting != null && !setting.isBlank()) {
            return in(Path.of(setting.strip()));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return in(base.resolve("covalue").resolve("compiled-rules"));
    }

    public boolean enabled() {
        return dir != null;
    }

    public Optional<Path> folder() {
        return Optional.ofNullable(dir);
    }

    /** The entry for this revision, or empty for any reason at all (then compile). Never throws. */
    Optional<Entry> read(String revision) {
        if (dir == null) {
            return Optional.empty();
        }
        Path file = dir.resolve(revision + SUFFIX);
        try {
            if (!Files.isRegularFile(file) || !trusted(dir) || !trusted(file)) {
                return Optional.empty();
            }
            byte[] body;
            try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
                if (!MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT || !fingerprint.equals(in.readUTF())
                        || !revision.equals(in.readUTF())) {
                    return Optional.empty();
                }
                byte[] sha = in.readNBytes(32);
                int length = in.readInt();
                body = in.readNBytes(length);
                if (body.length != length || !MessageDigest.isEqual(sha, sha256(body))) {
                    LOG.debug("compiled rules {} are incomplete or corrupt; compiling", file);
                    return Optional.empty();
                }
            }
            Entry entry;
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(body))) {
                in.setObjectInputFilter(CompiledRulesCache::allowEntryClass);
                entry = (Entry) in.readObject();
            }
            touch(file);
            return Optional.of(entry);
        } catch (IOException | ClassNotFoundException | ClassCastException | IllegalArgumentException e) {
            LOG.debug("compiled rules {} not usable ({}); compiling", file, e.toString());
            return Optional.empty();
        }
    }

    /** Stores the entry for this revision in the background. Never throws. */
    void write(String revision, Entry entry) {
        if (dir == null) {
            return;
        }
        writer.execute(() -> {
            try {
                writeNow(revision, entry);
            } catch (IOException | RuntimeException e) {
                LOG.debug("could not keep the compiled rules in {}: {}", dir, e.toString());
            }
        });
    }

    /**
     * Whether a check described by {@code check} (what it ran on, as text) was recorded as passed by
     * this very build for this revision. Never throws; false for any doubt.
     */
    public boolean passed(String revision, String check) {
        if (dir == null) {
            return false;
        }
        Path file = dir.resolve(revision + "." + hex(sha256(check.getBytes(StandardCharsets.UTF_8))) + PASSED);
        try {
            return Files.isRegularFile(file) && trusted(dir) && trusted(file)
                    && Files.readString(file, StandardCharsets.UTF_8).equals(fingerprint + "\n" + check);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Records in the background that the check described by {@code check} passed on this revision. Never throws. */
    public void recordPassed(String revision, String check) {
        if (dir == null) {
            return;
        }
        writer.execute(() -> {
            try {
                if (!Files.isDirectory(dir)) {
                    createPrivateFolder(dir);
                }
                if (!trusted(dir)) {
                    return;
                }
                Path tmp = Files.createTempFile(dir, ".writing-", PASSED);
                try {
                    Files.writeString(tmp, fingerprint + "\n" + check, StandardCharsets.UTF_8);
                    Files.move(tmp, dir.resolve(revision + "." + hex(sha256(check.getBytes(StandardCharsets.UTF_8))) + PASSED),
                            StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("could not record a passed check in {}: {}", dir, e.toString());
            }
        });
    }

    /** Waits (up to the timeout) for entries still being written, for commands about to exit. */
    public void flush(Duration timeout) {
        if (writer == null) {
            return;
        }
        try {
            writer.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // a slow or failed write only costs the next start a compile
        }
    }

    private void writeNow(String revision, Entry entry) throws IOException {
        if (!Files.isDirectory(dir)) {
            createPrivateFolder(dir);
        }
        if (!trusted(dir)) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(entry);
        }
        byte[] body = bytes.toByteArray();
        Path tmp = Files.createTempFile(dir, ".writing-", SUFFIX); // owner-only on POSIX
        try {
            try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeUTF(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(fingerprint);
                out.writeUTF(revision);
                out.write(sha256(body));
                out.writeInt(body.length);
                out.write(body);
            }
            try {
                Files.move(tmp, dir.resolve(revision + SUFFIX), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(revision + SUFFIX), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        prune();
    }

    /**
     * Copies into {@code target} the compiled rule sets and passed-check records of this cache that
     * it lacks: the launcher's class-archive recording compiles and checks the rules in a scratch
     * cache of its own, and hands them on so that the first start reads them instead of doing both
     * again. Only files moved in whole are here (entries are written aside and moved in), and each
     * copy is written aside and moved in the same way. Never throws: a copy that fails costs the
     * next start a compile.
     */
    public void copyMissingInto(CompiledRulesCache target) {
        if (dir == null || target.dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try {
            if (!Files.isDirectory(target.dir)) {
                createPrivateFolder(target.dir);
            }
            if (!trusted(dir) || !trusted(target.dir)) {
                return;
            }
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(p -> {
                    String name = p.getFileName().toString();
                    return !name.startsWith(".") && (name.endsWith(SUFFIX) || name.endsWith(PASSED));
                }).toList();
            }
            for (Path file : files) {
                Path to = target.dir.resolve(file.getFileName().toString());
                if (Files.exists(to) || !Files.isRegularFile(file)) {
                    continue;
                }
                Path tmp = Files.createTempFile(target.dir, ".writing-", ".copy"); // owner-only on POSIX, kept by the write below
                try {
                    Files.write(tmp, Files.readAllBytes(file));
                    Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            target.prune();
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not copy compiled rules from {} to {}: {}", dir, target.dir, e.toString());
        }
    }

    private void prune() throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(CompiledRulesCache::lastModified).reversed())
                    .toList();
        }
        for (Path old : entries.subList(Math.min(KEEP, entries.size()), entries.size())) {
            Files.deleteIfExists(old);
        }
        // a record of a passed check goes with its revision's entry
        try (Stream<Path> list = Files.list(dir)) {
            for (Path record : list.filter(p -> p.getFileName().toString().endsWith(PASSED)).toList()) {
                String name = record.getFileName().toString();
                if (!name.startsWith(".") && !Files.exists(dir.resolve(name.substring(0, name.indexOf('.')) + SUFFIX))) {
                    Files.deleteIfExists(record);
                }
            }
        }
    }

    private static FileTime lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // only affects which entries are pruned first
        }
    }

    private static void createPrivateFolder(Path dir) throws IOException {
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    /** Owned by this user and writable by nobody else, so nobody else can plant what we deserialize. */
    private static boolean trusted(Path p) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                return false;
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the owner check below is what we have
        }
        UserPrincipal me = p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
        return Files.getOwner(p).equals(me);
    }

    private static ObjectInputFilter.Status allowEntryClass(ObjectInputFilter.FilterInfo info) {
        return allow(info, ALLOWED);
    }

    /** A deserialization filter that admits only classes under the given name prefixes. */
    static ObjectInputFilter.Status allow(ObjectInputFilter.FilterInfo info, List<String> prefixes) {
        Class<?> type = info.serialClass();
        if (info.depth() > 2_000) {
            return ObjectInputFilter.Status.REJECTED;
        }
        if (type == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (type.isPrimitive()) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        String name = type.getName();
        return prefixes.stream().anyMatch(name::startsWith) ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
