package dev.kafkaworkbook.kit.report;

import dev.kafkaworkbook.kit.cluster.KafkaBackend;
import dev.kafkaworkbook.kit.grading.CheckInfo;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.GradingRun;
import dev.kafkaworkbook.kit.grading.Texts;
import dev.kafkaworkbook.kit.grading.WorkbookExtension;
import dev.kafkaworkbook.kit.sandbox.Console;
import dev.kafkaworkbook.kit.sandbox.Sandbox;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Watches a test run (registered through {@code META-INF/services}, so Maven and IDEs alike use it) and, when it
 * runs graders: opens the {@link Sandbox} for the run, prints a line per exercise as it finishes, keeps the module's
 * grade file current after every check (so even a test JVM that dies leaves a true one), and at the end prints the
 * scorecard and writes {@code target/grading/results.json}, or {@code partial-results.json} when only some of the
 * module's graders ran. Runs without graders, such as the kit's own tests, are left alone. Graders may run in
 * parallel, so every callback is synchronized.
 */
public final class ScorecardListener implements TestExecutionListener {

    public static final String MODULE_PROPERTY = "workbook.module";

    /**
     * A Maven or IDE run: progress lines, the module's card and grade files. A warm grading session (the watch
     * loop) only wants the results: it prints and keeps them its own way.
     */
    public enum Mode { BUILD, SESSION }

    private final Mode mode;

    private final Map<String, CheckInfo> checks = new LinkedHashMap<>();
    private final Map<String, Verdicts.Verdict> verdicts = new LinkedHashMap<>();
    private final Map<String, Long> startedAt = new LinkedHashMap<>();
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final Map<String, String> printed = new LinkedHashMap<>();
    private final Set<String> running = new LinkedHashSet<>();
    private TestPlan plan;
    private long runStartedAt;
    private Verdicts judge;
    private Texts kit;
    private String module;
    private Path resultsFile;
    private String partialNote;
    private List<CheckResult> finalResults = List.of();

    /** The listener Maven and IDEs find through {@code META-INF/services}. */
    public ScorecardListener() {
        this(Mode.BUILD);
    }

    public ScorecardListener(Mode mode) {
        this.mode = mode;
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        runStartedAt = System.nanoTime();
        Set<Class<?>> graders = new LinkedHashSet<>();
        for (TestIdentifier root : testPlan.getRoots()) {
            for (TestIdentifier id : testPlan.getDescendants(root)) {
                checkInfo(id).ifPresent(info -> {
                    checks.put(id.getUniqueId(), info);
                    graders.add(((MethodSource) id.getSource().orElseThrow()).getJavaClass());
                });
            }
        }
        if (checks.isEmpty()) {
            return;
        }
        kit = Texts.kit();
        judge = new Verdicts(kit);
        module = System.getProperty(MODULE_PROPERTY, Path.of("").toAbsolutePath().getFileName().toString());
        Set<String> all = gradersBeside(graders);
        long ran = graders.stream().map(Class::getName).filter(all::contains).count();
        resultsFile = ran < all.size() ? GradeFiles.PARTIAL : GradeFiles.RESULTS;
        partialNote = ran < all.size() ? kit.get("partial.module", graders.size(), all.size(), GradeFiles.PARTIAL) : null;
        if (mode == Mode.BUILD) {
            GradeFiles.clear(Path.of(""));
        }
        Sandbox.open().ifPresent(problem -> Console.out().println(kit.get("sandbox.off", problem)));
        // Logging starts here, before graders run in parallel: two checks that start it at once (a client's config, a
        // broker) make SLF4J print a "substitute logger" warning into the learner's build output.
        org.slf4j.LoggerFactory.getILoggerFactory();
        journal();
    }

    private static Optional<CheckInfo> checkInfo(TestIdentifier id) {
        if (!id.isTest() || !(id.getSource().orElse(null) instanceof MethodSource source)) {
            return Optional.empty();
        }
        try {
            return CheckInfo.of(source.getJavaClass(), source.getJavaMethod());
        } catch (RuntimeException | LinkageError notLoadable) {
            return Optional.empty();
        }
    }

    /** Every grader compiled beside the ones that run: a run that leaves some out is partial. */
    private static Set<String> gradersBeside(Set<Class<?>> running) {
        Set<String> all = new LinkedHashSet<>();
        running.forEach(grader -> all.add(grader.getName()));
        for (Class<?> grader : running) {
            Optional<Path> classes = classesDirectory(grader);
            if (classes.isEmpty()) {
                continue;
            }
            try (Stream<Path> files = Files.walk(classes.get())) {
                files.filter(f -> f.toString().endsWith(".class")).forEach(file -> {
                    String name = classes.get().relativize(file).toString().replace(java.io.File.separatorChar, '.')
                            .replaceAll("\\.class$", "");
                    try {
                        if (Class.forName(name, false, grader.getClassLoader()).isAnnotationPresent(Grader.class)) {
                            all.add(name);
                        }
                    } catch (ClassNotFoundException | LinkageError notAGrader) {
                        // Not loadable on its own: not a grader that could have run.
                    }
                });
            } catch (IOException e) {
                // Cannot tell: count the run as complete.
            }
        }
        return all;
    }

    private static Optional<Path> classesDirectory(Class<?> type) {
        try {
            Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(location) ? Optional.of(location) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void executionStarted(TestIdentifier id) {
        startedAt.put(id.getUniqueId(), System.nanoTime());
        if (checks.containsKey(id.getUniqueId())) {
            running.add(id.getUniqueId());
        }
    }

    @Override
    public synchronized void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        Map<String, String> values = entry.getKeyValuePairs();
        String output = values.get(WorkbookExtension.OUTPUT_ENTRY);
        if (judge != null && output != null) {
            printed.put(id.getUniqueId(), kit.get("printed", values.getOrDefault(WorkbookExtension.OUTPUT_BYTES_ENTRY, "?"))
                    + "\n" + output.lines().map(l -> "    | " + l).reduce((a, b) -> a + "\n" + b).orElse(""));
        }
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        if (judge == null) {
            return;
        }
        forChecksUnder(id, uniqueId -> verdicts.putIfAbsent(uniqueId,
                judge.of(new org.opentest4j.TestAbortedException(reason), checks.get(uniqueId).exercise())));
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (judge == null) {
            return;
        }
        Long began = startedAt.get(id.getUniqueId());
        if (began != null) {
            seconds.put(id.getUniqueId(), (System.nanoTime() - began) / 1e9);
        }
        running.remove(id.getUniqueId());
        // A grader class that failed before its checks ran (say, the cluster did not start) fails them all.
        forChecksUnder(id, uniqueId -> verdicts.putIfAbsent(uniqueId, switch (result.getStatus()) {
            case SUCCESSFUL -> new Verdicts.Verdict(Outcome.PASSED, "");
            case ABORTED, FAILED -> judge.of(result.getThrowable()
                    .orElseGet(() -> new IllegalStateException("no cause reported")), checks.get(uniqueId).exercise());
        }));
        if (mode == Mode.BUILD && id.getSource().orElse(null) instanceof ClassSource) {
            progress(id);
        }
        journal();
    }

    /** One line as each exercise finishes, so a long run is never silent. */
    private void progress(TestIdentifier graderClass) {
        List<CheckResult> exercise = new ArrayList<>();
        for (TestIdentifier descendant : plan.getDescendants(graderClass)) {
            if (checks.containsKey(descendant.getUniqueId())) {
                exercise.add(result(descendant.getUniqueId()));
            }
        }
        if (!exercise.isEmpty()) {
            double elapsed = seconds.getOrDefault(graderClass.getUniqueId(), 0.0);
            Console.out().println(kit.get("progress", exercise.get(0).exerciseTitle(), Scorecard.score(exercise),
                    new Scorecard(kit).counts(exercise), String.format(Locale.ROOT, "%.1f", elapsed)));
        }
    }

    private void forChecksUnder(TestIdentifier id, java.util.function.Consumer<String> action) {
        if (checks.containsKey(id.getUniqueId())) {
            action.accept(id.getUniqueId());
        }
        for (TestIdentifier descendant : plan.getDescendants(id)) {
            if (checks.containsKey(descendant.getUniqueId())) {
                action.accept(descendant.getUniqueId());
            }
        }
    }

    private CheckResult result(String uniqueId) {
        CheckInfo info = checks.get(uniqueId);
        Verdicts.Verdict verdict = verdicts.get(uniqueId);
        if (verdict == null) {
            // Only a test JVM that dies leaves checks without a verdict: this is what the grade file then says.
            verdict = new Verdicts.Verdict(Outcome.ERROR, kit.get(running.contains(uniqueId)
                    ? "outcome.jvm_died.running" : "outcome.jvm_died.pending"));
        }
        String output = verdict.output();
        String extra = printed.get(uniqueId);
        if (extra != null && verdict.outcome() != Outcome.PASSED) {
            output = output.isEmpty() ? extra : output + "\n" + extra;
        }
        return new CheckResult(module, info.exercise(), info.exerciseTitle(), info.checkTitle(), info.points(),
                verdict.outcome(), output, info.hidden(), seconds.getOrDefault(uniqueId, 0.0), info.check());
    }

    private List<CheckResult> results() {
        List<CheckResult> results = new ArrayList<>();
        checks.keySet().forEach(uniqueId -> results.add(result(uniqueId)));
        results.sort(ExerciseOrder.BY_EXERCISE);
        return results;
    }

    /** The grade file as things stand: what a platform reads if this JVM never reaches the end of the run. */
    private void journal() {
        if (mode != Mode.BUILD) {
            return;
        }
        List<CheckResult> results = results();
        GradescopeResults.write(resultsFile, results, (System.nanoTime() - runStartedAt) / 1e9, "");
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        if (judge == null) {
            return;
        }
        Sandbox.close();
        finalResults = results();
        if (mode != Mode.BUILD) {
            return;
        }
        List<CheckResult> results = finalResults;
        double elapsed = (System.nanoTime() - runStartedAt) / 1e9;
        List<String> context = new ArrayList<>();
        GradingRun.current().clusters().forEach(cluster -> context.add(describe(cluster)));
        String secondsText = String.format(Locale.ROOT, "%.1f", elapsed);
        context.add(GradingRun.current().validSeed().map(seed -> kit.get("seed", seed, secondsText))
                .orElseGet(() -> kit.get("seed.invalid", System.getProperty(GradingRun.SEED_PROPERTY), secondsText)));
        Scorecard scorecard = new Scorecard(kit);
        String heading = kit.get("heading", module);
        String card = scorecard.module(heading, context, results);
        List<CheckResult> visible = results.stream().filter(r -> !r.hidden()).toList();
        String visibleCard = visible.size() == results.size() ? card : scorecard.module(heading, context, visible);
        Console.out().println(card);
        if (partialNote != null) {
            Console.out().print(Scorecard.wrapProse("", partialNote));
        }
        GradescopeResults.write(resultsFile, results, elapsed, visibleCard);
        GradeFiles.writeText(GradeFiles.SCORECARD, card);
    }

    /** The results of the run, once it has finished. */
    public synchronized List<CheckResult> finalResults() {
        return finalResults;
    }

    private String describe(KafkaBackend.Description cluster) {
        String startup = cluster.startup().map(d -> String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0)).orElse("?");
        String brokers = kit.get(cluster.brokers() == 1 ? "cluster.broker" : "cluster.brokers", cluster.brokers());
        return switch (cluster.kind()) {
            case EMBEDDED -> kit.get("cluster.embedded", cluster.where(), brokers, startup);
            case TESTCONTAINERS -> kit.get("cluster.container", cluster.where(), brokers, startup);
            case EXTERNAL -> kit.get("cluster.external", cluster.where(), brokers);
        };
    }
}
