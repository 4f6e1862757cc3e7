package dev.kafkaworkbook.kit.build;

import dev.kafkaworkbook.kit.grading.Texts;
import dev.kafkaworkbook.kit.report.CheckResult;
import dev.kafkaworkbook.kit.report.ClassroomResults;
import dev.kafkaworkbook.kit.report.ExerciseOrder;
import dev.kafkaworkbook.kit.report.GradeFiles;
import dev.kafkaworkbook.kit.report.GradescopeResults;
import dev.kafkaworkbook.kit.report.Outcome;
import dev.kafkaworkbook.kit.report.Scorecard;
import dev.kafkaworkbook.kit.report.Verdict;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end of a build: the grades of the build's exercise modules, totalled, and one plain verdict as the last line.
 * Only the last project of the build ends it; when the verdict is not met it ends Maven then and there with exit
 * code 1, so the learner's last lines are the total and the verdict, not Maven's failure report.
 */
final class BuildEnd {

    /** What the build's modules left: their grades, and the modules that left none. */
    record Grades(Map<String, List<CheckResult>> byModule, List<String> missing, boolean partial, double seconds) {

        List<CheckResult> all() {
            return byModule.values().stream().flatMap(List::stream).toList();
        }
    }

    private final Texts kit = Texts.kit();
    private final PrintStream out;

    BuildEnd(PrintStream out) {
        this.out = out;
    }

    /** Reads the fresh grade files of the build's exercise modules. */
    static Grades collect(Session session) {
        Map<String, List<CheckResult>> byModule = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        boolean partial = session.testFilter().isPresent();
        double seconds = 0;
        for (Session.Project module : session.exerciseModules()) {
            Path complete = module.directory().resolve(GradeFiles.RESULTS);
            Path some = module.directory().resolve(GradeFiles.PARTIAL);
            Path file = session.isFresh(complete) ? complete : session.isFresh(some) ? some : null;
            if (file == null) {
                // With -Dtest=…, a module none of whose graders matched simply had nothing to run.
                if (!partial) {
                    missing.add(module.artifactId());
                }
                continue;
            }
            partial |= file == some;
            List<CheckResult> results = new ArrayList<>(GradescopeResults.read(file));
            results.sort(ExerciseOrder.BY_EXERCISE);
            byModule.put(module.artifactId(), results);
            seconds += GradescopeResults.executionTime(file);
        }
        return new Grades(byModule, missing, partial, seconds);
    }

    /**
     * Prints the total (for several modules, or always when {@code writeRoot}) and the verdict; writes the
     * workbook's grade file when {@code writeRoot}.
     *
     * @return whether the verdict was met
     */
    boolean finish(Session session, Path root, Verdict.Expectation expectation, boolean writeRoot) {
        Grades grades = collect(session);
        Scorecard scorecard = new Scorecard(kit);
        if (writeRoot || grades.byModule().size() > 1) {
            Map<String, String> notes = new LinkedHashMap<>();
            grades.byModule().forEach((module, results) -> results.stream()
                    .filter(r -> r.outcome() == Outcome.NOT_COMPILED).findFirst()
                    .ifPresent(r -> notes.put(module, r.output().lines().findFirst().orElse(""))));
            Map<String, List<CheckResult>> shown = new LinkedHashMap<>(grades.byModule());
            grades.missing().forEach(module -> {
                notes.put(module, kit.get("report.missing", module));
                shown.put(module, List.of());
            });
            String heading = kit.get("report.heading");
            out.println(scorecard.workbook(heading, shown, notes));
            if (writeRoot) {
                GradeFiles.clear(root);
                Path file = root.resolve(grades.partial() ? GradeFiles.PARTIAL : GradeFiles.RESULTS);
                Map<String, List<CheckResult>> visible = new LinkedHashMap<>();
                grades.byModule().forEach((module, results) -> visible.put(module,
                        results.stream().filter(r -> !r.hidden()).toList()));
                GradescopeResults.write(file, grades.all(), grades.seconds(), scorecard.workbook(heading, visible, notes));
                ClassroomResults.write(root, grades.byModule());
                out.println(kit.get(grades.partial() ? "report.written.partial" : "report.written", file));
            }
        }
        // Where each exercise stands, for ./workbook list and the watch loop.
        dev.kafkaworkbook.kit.report.Progress.load(root).record(grades.all());
        Verdict verdict = Verdict.of(expectation, grades.all(), grades.missing(), kit);
        String sentence = grades.partial() ? kit.get("verdict.partial", verdict.sentence()) : verdict.sentence();
        out.println(sentence);
        out.flush();
        return verdict.met();
    }
}
