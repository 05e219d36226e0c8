package com.covalue.ruleset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Builds a knowledge base one rule file at a time, remembering each file's compiled packages by
 * its text, so that a reload after an edit compiles only the files that changed, and a first build
 * compiles files side by side on every core.
 *
 * <p>Only files that stand alone (they declare no types, functions or queries another file might
 * use or clash with) are built this way, and only when each compiles by itself; otherwise the
 * caller builds all files together as one, which stays the reference for errors. The packages of
 * the files are then merged into one knowledge base in file order, as one build would add them.
 */
final class FileByFileBuild {

    /**
     * The compiled packages of one rule file, for the text they were compiled from, and the same
     * packages serialized, taken before any knowledge base used them: a later knowledge base gets
     * fresh packages read from these bytes, and the compiled-rules cache stores them.
     */
    record Unit(String file, String text, List<KiePackage> packages, byte[] serialized, AtomicBoolean handedOut) {

        Unit(String file, String text, List<KiePackage> packages, byte[] serialized) {
            this(file, text, packages, serialized, new AtomicBoolean());
        }

        /**
         * Packages no knowledge base uses yet: the compiled ones the first time, then copies.
         * (Drools would copy a package in use itself, by serializing it one package at a time; reading
         * our bytes back, every file on its own core, costs less than half of that.)
         */
        List<KiePackage> freshPackages() throws IOException, ClassNotFoundException {
            return handedOut.compareAndSet(false, true) ? packages : deserialize(serialized);
        }
    }

    /** A knowledge base and the units it was made of. */
    record Built(KieBase kieBase, Map<String, Unit> units) {
    }

    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "covalue-rule-compiler");
                t.setDaemon(true);
                return t;
            });

    private static final List<String> PACKAGE_CLASSES = List.of("java.", "org.drools.", "org.kie.", "org.mvel2.", "com.covalue.");

    /** Units of the last successful build, by file name. */
    private volatile Map<String, Unit> remembered = Map.of();
    private volatile int filesCompiledLastTime;


    /**
     * Builds the files one by one, reusing units whose text is unchanged; empty when a file does
     * not stand alone or does not compile by itself (the caller then builds them together).
     */
    Optional<Built> build(List<ParsedDrl> files) {
        if (files.isEmpty() || !files.stream().allMatch(ParsedDrl::standsAlone)) {
            return Optional.empty();
        }
        Map<String, Unit> known = remembered;
        List<Future<Unit>> pending = new ArrayList<>();
        int compiled = 0;
        for (ParsedDrl drl : files) {
            Unit before = known.get(drl.file());
            boolean reuse = before != null && before.text().equals(drl.text());
            compiled += reuse ? 0 : 1;
            pending.add(reuse ? java.util.concurrent.CompletableFuture.completedFuture(before) : WORKERS.submit(() -> compileAlone(drl)));
        }
        filesCompiledLastTime = compiled;
        Map<String, Unit> units = new LinkedHashMap<>();
        for (Future<Unit> f : pending) {
            Unit unit = await(f);
            if (unit == null) {
                return Optional.empty();
            }
            units.put(unit.file(), unit);
        }
        return Optional.of(new Built(merge(units), units));
    }

    int filesCompiledLastTime() {
        return filesCompiledLastTime;
    }

    /** Makes these units the ones a later build reuses (after their rule set was accepted). */
    void remember(Map<String, Unit> units) {
        remembered = Map.copyOf(units);
    }

    /** One knowledge base from the units' packages, added in file order. */
    static KieBase merge(Map<String, Unit> units) {
        List<Future<List<KiePackage>>> fresh = new ArrayList<>();
        units.values().forEach(u -> fresh.add(WORKERS.submit(u::freshPackages)));
        List<KiePackage> packages = new ArrayList<>();
        for (Future<List<KiePackage>> f : fresh) {
            try {
                packages.addAll(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading rules", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot copy compiled rules", e.getCause());
            }
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
        kieBase.addPackages(packages);
        return kieBase;
    }

    /** A file's compiled packages as bytes, for the compiled-rules cache. */
    static byte[] serialize(List<KiePackage> packages) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(packages));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Packages read back from {@link #serialize}; the filter admits only rule-engine and JDK classes. */
    @SuppressWarnings("unchecked")
    static List<KiePackage> deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (DroolsObjectInputStream in = new DroolsObjectInputStream(new java.io.ByteArrayInputStream(bytes),
                FileByFileBuild.class.getClassLoader())) {
            in.setObjectInputFilter(info -> CompiledRulesCache.allow(info, PACKAGE_CLASSES));
            return List.copyOf((List<KiePackage>) in.readObject());
        }
    }

    /** Deserializes every file's packages side by side; a failure of any one fails all. */
    static Map<String, List<KiePackage>> deserializeAll(Map<String, byte[]> blobs) throws IOException, ClassNotFoundException {
        Map<String, Future<List<KiePackage>>> pending = new LinkedHashMap<>();
        blobs.forEach((file, bytes) -> pending.put(file, WORKERS.submit(() -> deserialize(bytes))));
        Map<String, List<KiePackage>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Future<List<KiePackage>>> e : pending.entrySet()) {
            try {
                out.put(e.getKey(), e.getValue().get());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", ex);
            } catch (ExecutionException ex) {
                throw new IOException("cannot read the compiled packages of " + e.getKey(), ex.getCause());
            }
        }
        return out;
    }

    /** One rule file compiled by itself; null when it has errors (the build of all files together reports them). */
    static Unit compileAlone(ParsedDrl drl) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newByteArrayResource(FiringRecording.textToCompile(drl).getBytes(StandardCharsets.UTF_8))
                .setSourcePath(drl.file()), ResourceType.DRL);
        if (builder.hasErrors()) {
            return null;
        }
        List<KiePackage> packages = List.copyOf(builder.getKnowledgePackages());
        return new Unit(drl.file(), drl.text(), packages, serialize(packages));
    }

    private static Unit await(Future<Unit> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling rules", e);
        } catch (ExecutionException e) {
            return null; // an unexpected failure alone: the build of all files together decides
        }
    }
}
