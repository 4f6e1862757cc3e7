package dev.kafkaworkbook.kit.report;

import dev.kafkaworkbook.kit.grading.CheckInfo;
import dev.kafkaworkbook.kit.grading.GradingRun;
import dev.kafkaworkbook.kit.grading.Texts;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Watches a test run (registered through {@code META-INF/services}, so Maven and IDEs alike use it) and, when
 * it ran graders, prints the scorecard and writes {@code target/grading/results.json} for the module.
 * Runs without graders, such as the kit's own tests, are left alone. Graders may run in parallel, so every
 * callback is synchronized.
 */
public final class ScorecardListener implements TestExecutionListener {

    public static final String MODULE_PROPERTY = "workbook.module";
    public static final Path RESULTS = Path.of("target", "grading", "results.json");
    public static final Path SCORECARD = Path.of("target", "grading", "scorecard.txt");

    private final Map<String, CheckInfo> checks = new LinkedHashMap<>();
    private final Map<String, Verdicts.Verdict> verdicts = new LinkedHashMap<>();
    private final Map<String, Long> startedAt = new LinkedHashMap<>();
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private TestPlan plan;
    private long runStartedAt;
    private Verdicts judge;

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        runStartedAt = System.nanoTime();
        for (TestIdentifier root : testPlan.getRoots()) {
            for (TestIdentifier id : testPlan.getDescendants(root)) {
                checkInfo(id).ifPresent(info -> checks.put(id.getUniqueId(), info));
            }
        }
        if (!checks.isEmpty()) {
            judge = new Verdicts(Texts.kit());
        }
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

    @Override
    public synchronized void executionStarted(TestIdentifier id) {
        startedAt.put(id.getUniqueId(), System.nanoTime());
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        if (judge == null) {
            return;
        }
        Verdicts.Verdict skipped = judge.of(new org.opentest4j.TestAbortedException(reason));
        forChecksUnder(id, uniqueId -> verdicts.putIfAbsent(uniqueId, skipped));
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (judge == null) {
            return;
        }
        Long began = startedAt.get(id.getUniqueId());
        if (began != null && checks.containsKey(id.getUniqueId())) {
            seconds.put(id.getUniqueId(), (System.nanoTime() - began) / 1e9);
        }
        Verdicts.Verdict verdict = switch (result.getStatus()) {
            case SUCCESSFUL -> new Verdicts.Verdict(Outcome.PASSED, "");
            case ABORTED, FAILED -> judge.of(result.getThrowable()
                    .orElseGet(() -> new IllegalStateException("no cause reported")));
        };
        // A grader class that failed before its checks ran (say, the cluster did not start) fails them all.
        forChecksUnder(id, uniqueId -> verdicts.putIfAbsent(uniqueId, verdict));
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

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        if (judge == null) {
            return;
        }
        Texts kit = Texts.kit();
        String module = System.getProperty(MODULE_PROPERTY, Path.of("").toAbsolutePath().getFileName().toString());
        List<CheckResult> results = new ArrayList<>();
        checks.forEach((uniqueId, info) -> {
            Verdicts.Verdict verdict = verdicts.getOrDefault(uniqueId,
                    new Verdicts.Verdict(Outcome.CRASHED, kit.get("outcome.did_not_run")));
            results.add(new CheckResult(module, info.exercise(), info.exerciseTitle(), info.checkTitle(),
                    info.points(), verdict.outcome(), verdict.output(), info.hidden(), seconds.getOrDefault(uniqueId, 0.0)));
        });
        results.sort(java.util.Comparator.comparing(CheckResult::exercise, ExerciseIds.ORDER));
        double elapsed = (System.nanoTime() - runStartedAt) / 1e9;

        List<String> context = new ArrayList<>(GradingRun.current().clusters());
        String seconds = String.format(java.util.Locale.ROOT, "%.1f", elapsed);
        context.add(GradingRun.current().validSeed().map(seed -> kit.get("seed", seed, seconds))
                .orElseGet(() -> kit.get("seed.invalid", System.getProperty(GradingRun.SEED_PROPERTY), seconds)));
        String card = new Scorecard(kit).render(kit.get("heading", module), context, results, true);
        System.out.println(card);
        GradescopeResults.write(RESULTS, results, elapsed, card);
        try {
            java.nio.file.Files.writeString(SCORECARD, card);
        } catch (java.io.IOException e) {
            System.err.println("Could not write " + SCORECARD + ": " + e);
        }
    }
}
