package dev.kafkaworkbook.kit.report;

import dev.kafkaworkbook.kit.grading.Texts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of the build: merges every module's {@code target/grading/results.json} into the workbook's
 * {@code target/grading/results.json}, prints the total, and fails the build unless the run met what was
 * expected of it.
 *
 * <p>Arguments: {@code <workbook root> <expectation> <module>...}, where the expectation is
 * {@code full-marks} (every check passed: a learner done, or the reference solutions) or
 * {@code not-started} (the self-check: every check reports the untouched skeletons as not started).
 */
public final class GradeReport {

    private GradeReport() {
    }

    public static void main(String[] args) {
        run(args, System.out);
    }

    /** {@link #main}, printing to {@code out}. */
    public static void run(String[] args, java.io.PrintStream out) {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: GradeReport <workbook root> <full-marks|not-started> <module>...");
        }
        Path root = Path.of(args[0]);
        Expectation expectation = Expectation.parse(args[1]);
        List<String> modules = List.of(args).subList(2, args.length);
        Texts kit = Texts.kit();

        List<CheckResult> results = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        double seconds = 0;
        for (String module : modules) {
            Path file = root.resolve(module).resolve(ScorecardListener.RESULTS);
            if (Files.isRegularFile(file)) {
                results.addAll(GradescopeResults.read(file));
                seconds += GradescopeResults.executionTime(file);
            } else {
                missing.add(module);
            }
        }
        List<String> context = new ArrayList<>();
        missing.forEach(module -> context.add(kit.get("report.missing", module)));
        String card = new Scorecard(kit).render(kit.get("report.heading"), context, results, false);
        out.println(card);
        GradescopeResults.write(root.resolve(ScorecardListener.RESULTS), results, seconds, card);
        out.println(kit.get("report.written", root.resolve(ScorecardListener.RESULTS)));
        // The plain closing line CI systems read: checks passed and not passed, whatever the expectation.
        long passed = results.stream().filter(r -> r.outcome() == Outcome.PASSED).count();
        out.println("Grading: " + passed + " passed, " + (results.size() - passed) + " failed");

        List<String> unmet = expectation.unmet(results, missing);
        if (!unmet.isEmpty()) {
            throw new GradingIncompleteException(kit.get("report.unmet." + expectation.key(), summarize(unmet)));
        }
    }

    /** The first few of what is missing: the scorecards above have the details, the last line need not repeat them. */
    private static String summarize(List<String> unmet) {
        int shown = Math.min(unmet.size(), 3);
        String first = String.join("; ", unmet.subList(0, shown));
        return unmet.size() > shown ? first + "; … (" + unmet.size() + " in all)" : first;
    }

    enum Expectation {
        FULL_MARKS, NOT_STARTED;

        static Expectation parse(String value) {
            return switch (value) {
                case "full-marks" -> FULL_MARKS;
                case "not-started" -> NOT_STARTED;
                default -> throw new IllegalArgumentException("Unknown expectation " + value
                        + "; use full-marks or not-started");
            };
        }

        String key() {
            return this == FULL_MARKS ? "full_marks" : "not_started";
        }

        /** What keeps the run from meeting this expectation; empty when it is met. */
        List<String> unmet(List<CheckResult> results, List<String> missingModules) {
            List<String> unmet = new ArrayList<>();
            missingModules.forEach(module -> unmet.add(module + ": no results"));
            if (results.isEmpty()) {
                unmet.add("no graded checks ran");
            }
            Outcome wanted = this == FULL_MARKS ? Outcome.PASSED : Outcome.NOT_STARTED;
            results.stream().filter(r -> r.outcome() != wanted)
                    .forEach(r -> unmet.add(r.exercise() + " " + r.title() + " (" + r.outcome().key() + ")"));
            return unmet;
        }
    }

    /** The build's verdict when grading is not complete; Maven prints its message as the reason. */
    public static final class GradingIncompleteException extends RuntimeException {
        GradingIncompleteException(String message) {
            super(message);
        }
    }
}
