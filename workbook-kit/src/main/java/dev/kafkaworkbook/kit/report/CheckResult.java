package dev.kafkaworkbook.kit.report;

/** One graded check as reported: exercise, title, points, outcome and the words behind it. */
public record CheckResult(String module, String exercise, String exerciseTitle, String title, int maxPoints,
                          Outcome outcome, String output, boolean hidden, double seconds) {

    public int points() {
        return outcome == Outcome.PASSED ? maxPoints : 0;
    }
}
