package dev.kafkaworkbook.kit.report;

import dev.kafkaworkbook.kit.grading.Texts;

import java.util.List;
import java.util.Optional;

/**
 * The build's last word: whether the run met what was asked of it, in one plain sentence.
 *
 * @param met whether the build succeeds
 */
public record Verdict(boolean met, String sentence) {

    /** What a build demands: full marks (a learner done, the reference solutions) or, for the self-check, none started. */
    public enum Expectation {
        FULL_MARKS, NOT_STARTED;

        public static Expectation parse(String value) {
            return switch (value) {
                case "full-marks" -> FULL_MARKS;
                case "not-started" -> NOT_STARTED;
                default -> throw new IllegalArgumentException("Unknown expectation " + value + "; use full-marks or not-started");
            };
        }
    }

    /**
     * @param missing modules of the build without fresh results (they did not build, or their tests did not run)
     */
    public static Verdict of(Expectation expectation, List<CheckResult> results, List<String> missing, Texts kit) {
        if (!missing.isEmpty()) {
            return new Verdict(false, kit.get("verdict.missing", String.join(", ", missing)));
        }
        if (results.isEmpty()) {
            return new Verdict(false, kit.get("verdict.empty"));
        }
        String counts = new Scorecard(kit).counts(results);
        if (expectation == Expectation.NOT_STARTED) {
            List<CheckResult> started = results.stream()
                    .filter(r -> r.outcome() != Outcome.NOT_STARTED && r.outcome() != Outcome.SKIPPED).toList();
            return started.isEmpty() ? new Verdict(true, kit.get("verdict.selfcheck.ok", results.size()))
                    : new Verdict(false, kit.get("verdict.selfcheck.failed", describe(started.get(0)), counts));
        }
        int points = results.stream().mapToInt(CheckResult::points).sum();
        int gradable = results.stream().mapToInt(CheckResult::gradablePoints).sum();
        int skipped = results.stream().filter(r -> r.outcome() == Outcome.SKIPPED).mapToInt(CheckResult::maxPoints).sum();
        Optional<CheckResult> next = results.stream().filter(r -> r.outcome().isFailure()).findFirst();
        if (next.isEmpty()) {
            return new Verdict(true, skipped == 0 ? kit.get("verdict.done", points)
                    : kit.get("verdict.done.skipped", points, skipped));
        }
        CheckResult first = next.get();
        String what = first.outcome() == Outcome.NOT_COMPILED ? kit.get("verdict.next.compile", first.module())
                : kit.get("verdict.next", first.exerciseTitle());
        return new Verdict(false, kit.get("verdict.todo", points, gradable, counts, what));
    }

    private static String describe(CheckResult result) {
        return result.exercise() + " " + result.title() + " (" + result.outcome().key() + ")";
    }
}
