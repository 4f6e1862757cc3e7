package dev.kafkaworkbook.kit.report;

/**
 * One graded check as reported: exercise, title, points, outcome and the words behind it; {@code check} is the
 * grader's method name, which stays the same in every language.
 *
 * @param maxPoints what the check is worth where it can run; a skipped check is graded out of 0 (see {@link #gradablePoints})
 */
public record CheckResult(String module, String exercise, String exerciseTitle, String title, int maxPoints,
                          Outcome outcome, String output, boolean hidden, double seconds, String check) {

    public int points() {
        return outcome == Outcome.PASSED ? maxPoints : 0;
    }

    /** The points this check counts for here: none when it was skipped, since it could not be earned. */
    public int gradablePoints() {
        return outcome == Outcome.SKIPPED ? 0 : maxPoints;
    }
}
