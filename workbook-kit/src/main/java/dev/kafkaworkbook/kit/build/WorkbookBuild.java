package dev.kafkaworkbook.kit.build;

import dev.kafkaworkbook.kit.grading.Texts;
import dev.kafkaworkbook.kit.report.CheckResult;
import dev.kafkaworkbook.kit.report.GradeFiles;
import dev.kafkaworkbook.kit.report.GradescopeResults;
import dev.kafkaworkbook.kit.report.Outcome;
import dev.kafkaworkbook.kit.report.Scorecard;
import dev.kafkaworkbook.kit.report.Verdict;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The workbook's steps in the Maven build, run by {@code exec:java} (see {@code exercise-parent/pom.xml} and
 * {@code workbook-report/pom.xml}):
 * <ul>
 *   <li>{@code compile}: compiles an exercise module's code and graders; when they do not compile, writes the
 *       module's grade (0 points, the compiler's first error) and stops this module only;</li>
 *   <li>{@code end}: after a module's graders ran; the last project of the build ends it on the verdict;</li>
 *   <li>{@code report}: the workbook's total and grade file, and the verdict.</li>
 * </ul>
 */
public final class WorkbookBuild {

    private WorkbookBuild() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: WorkbookBuild compile|end|report key=value…");
        }
        BuildArgs build = new BuildArgs(Arrays.asList(args).subList(1, args.length));
        switch (args[0]) {
            case "compile" -> compile(build);
            case "end" -> end(build);
            case "report" -> report(build);
            default -> throw new IllegalArgumentException("Unknown workbook build step " + args[0]);
        }
    }

    private static void compile(BuildArgs build) {
        if ("pom".equals(build.get("packaging"))) {
            return;
        }
        String module = build.get("module");
        if (build.find("skeleton.sources").isPresent() && !java.nio.file.Files.isDirectory(Path.of(build.get("main.sources.solutions")))) {
            // -Psolutions in a learner's copy, which has no solutions/: say so once, instead of grading nothing.
            System.out.println(Texts.kit().get("solutions.missing", module));
            System.exit(1);
        }
        Path moduleDir = build.path("main.output").toAbsolutePath().getParent().getParent();
        GradeFiles.clear(moduleDir);
        Path root = build.path("root");
        ModuleCompiler.Unit learner = new ModuleCompiler.Unit(build.paths("main.sources"), build.list("main.classpath"),
                build.path("main.output"));
        ModuleCompiler.Unit graders = new ModuleCompiler.Unit(build.paths("test.sources"), build.list("test.classpath"),
                build.path("test.output"));
        Optional<ModuleCompiler.Failure> failure = new ModuleCompiler(root, build.get("release"))
                .compile(learner, graders, moduleDir.resolve("target").resolve("workbook-compile.fingerprint"));
        if (failure.isEmpty()) {
            build.find("skeleton.sources").ifPresent(skeletons -> compareWithSkeletons(build, root, Path.of(skeletons)));
            return;
        }
        Texts kit = Texts.kit();
        ModuleCompiler.Failure error = failure.get();
        String where = error.file() == null ? error.message() : error.file() + ":" + error.line() + ": " + error.message();
        String reason = kit.get(error.inGraders() ? "compile.graders" : "compile.learner", module, where);
        List<CheckResult> results = notCompiled(module, build, kit.get("outcome.not_compiled.output", reason));
        Scorecard scorecard = new Scorecard(kit);
        String card = scorecard.module(kit.get("heading", module), List.of(reason), results);
        System.out.println();
        System.out.print(error.report());
        System.out.println(card);
        GradescopeResults.write(moduleDir.resolve(GradeFiles.RESULTS), results, 0,
                scorecard.module(kit.get("heading", module), List.of(reason), results.stream().filter(r -> !r.hidden()).toList()));
        GradeFiles.writeText(moduleDir.resolve(GradeFiles.SCORECARD), card);
        Session session = Session.from(build);
        if (session.isLast(module)) {
            endBuild(session, build, false);
        }
        throw new ModuleDoesNotCompile(reason);
    }

    /**
     * With {@code -Psolutions}: compiles the skeletons beside the solutions just compiled, and fails the build when
     * the two differ in a public type or signature (a maintainer's mistake, found before a learner meets it).
     */
    private static void compareWithSkeletons(BuildArgs build, Path root, Path skeletons) {
        Path output = build.path("main.output").resolveSibling("skeleton-classes");
        List<Path> sources = new ArrayList<>(build.paths("main.sources"));
        Path solutions = Path.of(build.get("main.sources.solutions"));
        sources.removeIf(source -> source.toAbsolutePath().normalize().equals(solutions.toAbsolutePath().normalize()));
        sources.add(skeletons);
        List<String> classpath = build.list("main.classpath").stream()
                .filter(entry -> !Path.of(entry).equals(build.path("main.output"))).toList();
        Optional<ModuleCompiler.Failure> failure = new ModuleCompiler(root, build.get("release"))
                .compile(new ModuleCompiler.Unit(sources, classpath, output), output.resolveSibling("skeleton.fingerprint"));
        if (failure.isPresent()) {
            throw new IllegalStateException("The skeletons of " + build.get("module") + " do not compile:\n"
                    + failure.get().report());
        }
        java.util.Set<String> solved = PublicApi.of(build.path("main.output"), classpath);
        java.util.Set<String> skeleton = PublicApi.of(output, classpath);
        if (!solved.equals(skeleton)) {
            java.util.Set<String> onlySolutions = new java.util.TreeSet<>(solved);
            onlySolutions.removeAll(skeleton);
            java.util.Set<String> onlySkeletons = new java.util.TreeSet<>(skeleton);
            onlySkeletons.removeAll(solved);
            throw new IllegalStateException("The skeletons and the solutions of " + build.get("module")
                    + " differ in their public types or signatures:\n  only in the solutions: " + onlySolutions
                    + "\n  only in the skeletons: " + onlySkeletons);
        }
    }

    /** Every check the module's graders declare, at 0 points: what the module would have been graded on. */
    private static List<CheckResult> notCompiled(String module, BuildArgs build, String output) {
        List<CheckResult> results = new ArrayList<>();
        ClassLoader bundles = bundleLoader(build.path("test.output"));
        for (GraderSources.DeclaredCheck check : GraderSources.scan(build.paths("test.sources"))) {
            Optional<Texts> texts = Texts.find(check.graderClass(), bundles);
            String exerciseTitle = check.exercise() + " " + texts.flatMap(t -> t.find("title")).orElse(check.graderClass());
            String title = texts.flatMap(t -> t.find(check.method())).orElse(check.method());
            results.add(new CheckResult(module, check.exercise(), exerciseTitle, title, check.points(),
                    Outcome.NOT_COMPILED, output, check.hidden(), 0, check.method()));
        }
        results.sort(dev.kafkaworkbook.kit.report.ExerciseOrder.BY_EXERCISE);
        return results;
    }

    /** The graders' texts, copied to the test output by Maven's resources step before compilation. */
    private static ClassLoader bundleLoader(Path testOutput) {
        try {
            return new URLClassLoader(new URL[]{testOutput.toUri().toURL()}, null);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void end(BuildArgs build) {
        if ("pom".equals(build.get("packaging"))) {
            return;
        }
        Session session = Session.from(build);
        if (session.isLast(build.get("module"))) {
            endBuild(session, build, false);
        }
    }

    private static void report(BuildArgs build) {
        Session session = Session.from(build);
        boolean met = new BuildEnd(System.out).finish(session, build.path("root"),
                Verdict.Expectation.parse(build.get("expect")), true);
        if (!met && session.isLast("workbook-report")) {
            System.exit(1);
        }
    }

    private static void endBuild(Session session, BuildArgs build, boolean writeRoot) {
        boolean met = new BuildEnd(System.out).finish(session, build.path("root"),
                Verdict.Expectation.parse(build.get("expect")), writeRoot);
        if (!met) {
            System.exit(1);
        }
    }

    /** Stops this module's build (the others go on: see {@code .mvn/maven.config}); the reason is already printed. */
    static final class ModuleDoesNotCompile extends RuntimeException {
        ModuleDoesNotCompile(String reason) {
            super(reason, null, false, false);
        }
    }
}
