package dev.kafkaworkbook.kit.session;

import dev.kafkaworkbook.kit.build.GraderSources;
import dev.kafkaworkbook.kit.build.ModuleCompiler;
import dev.kafkaworkbook.kit.build.PublicApi;
import dev.kafkaworkbook.kit.cluster.BackendChoice;
import dev.kafkaworkbook.kit.cluster.Backends;
import dev.kafkaworkbook.kit.grading.GradingRun;
import dev.kafkaworkbook.kit.grading.Texts;
import dev.kafkaworkbook.kit.report.CheckResult;
import dev.kafkaworkbook.kit.report.Outcome;
import dev.kafkaworkbook.kit.report.ScorecardListener;
import dev.kafkaworkbook.kit.sandbox.CheckScope;
import dev.kafkaworkbook.kit.sandbox.LearnerCode;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Grades one exercise at a time, many times, in one warm JVM: the embedded clusters stay up between runs, and so do
 * the compiler and the JIT. Each run compiles the learner's module as it is now into a folder of its own, loads it
 * with the graders in a class loader of its own (nothing of an earlier run's code survives into the next), and runs
 * the exercise's visible graders with the same kit, containment and texts as {@code mvn test}.
 *
 * <p>Graders are compiled again only when the learner's public API changed: a grader compiled against the same
 * signatures links against any body behind them.
 */
public final class GradingSession implements AutoCloseable {

    /** What one run found. */
    public record Result(String module, String exercise, String exerciseTitle, List<CheckResult> results,
                         Optional<String> compileError, boolean poisoned) {

        public int points() {
            return results.stream().mapToInt(CheckResult::points).sum();
        }

        public int maxPoints() {
            return results.stream().mapToInt(CheckResult::gradablePoints).sum();
        }

        public boolean passed() {
            return compileError.isEmpty() && !results.isEmpty() && results.stream().noneMatch(r -> r.outcome().isFailure());
        }
    }

    private final Path root;
    private final Path work;
    private final Backends backends;
    private final List<String> classpath;
    private final String release;
    private final boolean hiddenGraders;
    private int runs;
    private Path graderClasses;
    private Set<String> gradedApi;

    /**
     * @param root the workbook (the folder of the root pom)
     * @param classpath what the learner's code and the graders compile against: the kit, Kafka, the module libraries
     */
    public GradingSession(Path root, List<String> classpath, String release) {
        this(root, classpath, release, false);
    }

    /** @param hiddenGraders with the instructors' hidden graders too ({@code solutions/<module>/src/test}) */
    public GradingSession(Path root, List<String> classpath, String release, boolean hiddenGraders) {
        this.hiddenGraders = hiddenGraders;
        this.root = root.toAbsolutePath().normalize();
        this.work = this.root.resolve("target").resolve("watch");
        this.classpath = List.copyOf(classpath);
        this.release = release;
        this.backends = new Backends(BackendChoice.fromSystemProperties(), work.resolve("kafka"));
        Backends.pin(backends);
    }

    /** The class path of this JVM, for a session whose JVM was started with the modules' test class path. */
    public static List<String> ownClasspath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** Compiles the module as it is now and grades the exercise's visible checks. */
    public Result grade(String module, String exercise) {
        List<GraderSources.DeclaredCheck> declared = GraderSources.scan(testSources(module)).stream()
                .filter(c -> c.exercise().equals(exercise) && !c.hidden()).toList();
        return grade(module, exercise, declared);
    }

    /** Compiles the module as it is now and runs the named grader classes (hidden ones too, if the session has them). */
    public Result gradeWith(String module, List<String> graderClasses) {
        List<GraderSources.DeclaredCheck> declared = GraderSources.scan(testSources(module)).stream()
                .filter(c -> graderClasses.contains(c.graderClass())).toList();
        if (declared.isEmpty()) {
            throw new IllegalArgumentException("No grader " + graderClasses + " in " + module);
        }
        return grade(module, declared.get(0).exercise(), declared);
    }

    private List<Path> testSources(String module) {
        List<Path> sources = new ArrayList<>(List.of(root.resolve(module).resolve("src/test/java")));
        if (hiddenGraders) {
            sources.add(root.resolve("solutions").resolve(module).resolve("src/test/java"));
        }
        return sources;
    }

    private Result grade(String module, String exercise, List<GraderSources.DeclaredCheck> declared) {
        GradingRun.startNew();
        long t0 = System.nanoTime();
        Path moduleDir = root.resolve(module);
        List<Path> testSources = testSources(module);
        Path run = work.resolve("run-" + (++runs));
        Path classes = run.resolve("classes");
        ModuleCompiler compiler = new ModuleCompiler(root, release);
        Optional<ModuleCompiler.Failure> failure = compiler.compile(new ModuleCompiler.Unit(
                List.of(moduleDir.resolve("src/main/java"), moduleDir.resolve("src/given/java")), classpath, classes),
                run.resolve("learner.fingerprint"));
        if (failure.isEmpty()) {
            failure = compileGradersIfTheApiChanged(moduleDir, testSources, classes);
        }
        long t1 = System.nanoTime();
        String title = exerciseTitle(moduleDir, declared, exercise);
        if (failure.isPresent()) {
            deleteEarlierRuns(run);
            ModuleCompiler.Failure error = failure.get();
            String where = error.file() == null ? error.message() : error.file() + ":" + error.line() + ": " + error.message();
            String reason = Texts.kit().get(error.inGraders() ? "compile.graders" : "compile.learner", module, where);
            return new Result(module, exercise, title, notCompiled(module, moduleDir, declared, title, reason),
                    Optional.of(error.report().isBlank() ? reason : reason + "\n" + error.report()), false);
        }
        List<CheckResult> results = run(module, moduleDir, classes, declared);
        if (Boolean.getBoolean("workbook.timings")) {
            System.err.printf("compile %.2f s, grade %.2f s%n", (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
        }
        boolean poisoned = learnerThreadsStillRunning();
        deleteEarlierRuns(run);
        return new Result(module, exercise, title, results, Optional.empty(), poisoned);
    }

    /** Recompiles the graders when the learner's public API is not the one they were compiled against. */
    private Optional<ModuleCompiler.Failure> compileGradersIfTheApiChanged(Path moduleDir, List<Path> testSources,
                                                                           Path learnerClasses) {
        Set<String> api = PublicApi.of(learnerClasses, classpath);
        if (graderClasses != null && api.equals(gradedApi) && Files.isDirectory(graderClasses)) {
            return Optional.empty();
        }
        Path output = learnerClasses.resolveSibling("test-classes");
        List<String> graderClasspath = new ArrayList<>(classpath);
        graderClasspath.add(0, learnerClasses.toString());
        Optional<ModuleCompiler.Failure> failure = new ModuleCompiler(root, release)
                .compile(new ModuleCompiler.Unit(testSources, graderClasspath, output), output.resolveSibling("graders.fingerprint"));
        if (failure.isPresent()) {
            return Optional.of(new ModuleCompiler.Failure(true, failure.get().file(), failure.get().line(),
                    failure.get().message(), failure.get().report()));
        }
        graderClasses = output;
        gradedApi = api;
        return Optional.empty();
    }

    private List<CheckResult> run(String module, Path moduleDir, Path classes, List<GraderSources.DeclaredCheck> declared) {
        Set<String> graders = new LinkedHashSet<>();
        declared.forEach(check -> graders.add(check.graderClass()));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        String previousModule = System.getProperty(ScorecardListener.MODULE_PROPERTY);
        LearnerCode.addLocation(classes);
        Path hiddenTexts = root.resolve("solutions").resolve(module).resolve("src/test/resources");
        try (URLClassLoader loader = new URLClassLoader(urls(classes, graderClasses, moduleDir.resolve("src/test/resources"),
                hiddenGraders && Files.isDirectory(hiddenTexts) ? hiddenTexts : null), GradingSession.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            System.setProperty(ScorecardListener.MODULE_PROPERTY, module);
            // One grader at a time; a grader whose checks share nothing may run them side by side (@Execution).
            var builder = request().configurationParameters(Map.of(
                    "junit.jupiter.execution.parallel.enabled", "true",
                    "junit.jupiter.execution.parallel.mode.default", "same_thread",
                    "junit.jupiter.execution.parallel.mode.classes.default", "same_thread",
                    "junit.jupiter.execution.parallel.config.strategy", "fixed",
                    "junit.jupiter.execution.parallel.config.fixed.parallelism", "2"));
            for (String grader : graders) {
                builder.selectors(selectClass(Class.forName(grader, false, loader)));
            }
            LauncherDiscoveryRequest request = builder.build();
            ScorecardListener listener = new ScorecardListener(ScorecardListener.Mode.SESSION);
            LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                    .execute(request, listener);
            return listener.finalResults();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("A grader of " + module + " did not compile: " + e.getMessage(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
            if (previousModule == null) {
                System.clearProperty(ScorecardListener.MODULE_PROPERTY);
            } else {
                System.setProperty(ScorecardListener.MODULE_PROPERTY, previousModule);
            }
            LearnerCode.removeLocation(classes);
        }
    }

    /**
     * Whether a thread the learner's code started still runs after the run: the kit stops what it can, but from Java
     * 20 on a busy loop cannot be stopped. Such a JVM keeps burning a core: the session should be started afresh.
     */
    public static boolean learnerThreadsStillRunning() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.isAlive() && CheckScope.of(thread).isPresent());
    }

    private static List<CheckResult> notCompiled(String module, Path moduleDir, List<GraderSources.DeclaredCheck> declared,
                                                 String title, String reason) {
        List<CheckResult> results = new ArrayList<>();
        ClassLoader bundles = bundleLoader(moduleDir);
        for (GraderSources.DeclaredCheck check : declared) {
            String checkTitle = Texts.find(check.graderClass(), bundles).flatMap(t -> t.find(check.method())).orElse(check.method());
            results.add(new CheckResult(module, check.exercise(), title, checkTitle, check.points(), Outcome.NOT_COMPILED,
                    Texts.kit().get("outcome.not_compiled.output", reason), false, 0, check.method()));
        }
        return results;
    }

    private static String exerciseTitle(Path moduleDir, List<GraderSources.DeclaredCheck> declared, String exercise) {
        return declared.stream().findFirst()
                .flatMap(check -> Texts.find(check.graderClass(), bundleLoader(moduleDir)).flatMap(t -> t.find("title")))
                .map(title -> exercise + " " + title).orElse(exercise);
    }

    private static ClassLoader bundleLoader(Path moduleDir) {
        return new URLClassLoader(urls(moduleDir.resolve("src/test/resources")), null);
    }

    private static URL[] urls(Path... paths) {
        List<URL> urls = new ArrayList<>();
        for (Path path : paths) {
            if (path == null) {
                continue;
            }
            try {
                // A folder's URL must end in '/' for URLClassLoader to read it as a folder.
                urls.add(path.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** Keeps the current run's folder (its graders are reused) and deletes the older ones. */
    private void deleteEarlierRuns(Path current) {
        try (Stream<Path> runs = Files.list(work)) {
            for (Path run : runs.filter(p -> p.getFileName().toString().startsWith("run-")).toList()) {
                if (!run.equals(current) && (graderClasses == null || !graderClasses.startsWith(run))) {
                    deleteTree(run);
                }
            }
        } catch (IOException e) {
            // Old runs are only disk space.
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Override
    public void close() {
        Backends.pin(null);
        backends.close();
    }
}
