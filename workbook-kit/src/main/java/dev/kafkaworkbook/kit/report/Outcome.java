package dev.kafkaworkbook.kit.report;

import java.util.Locale;

/** How one check ended. Only {@link #PASSED} earns points; a {@link #SKIPPED} check is worth none here. */
public enum Outcome {
    /** The learner's code did what the lesson asks. */
    PASSED,
    /** The check reached a skeleton's {@code TODO}: the exercise is not started yet. */
    NOT_STARTED,
    /** The learner's code ran and did something else than asked (or hung, exited, left threads running). */
    WRONG,
    /** The learner's code threw where it should not have. */
    CRASHED,
    /** The module does not compile, so the check could not run. */
    NOT_COMPILED,
    /** The check could not run here (it needs brokers the chosen backend cannot stop); not counted against anyone. */
    SKIPPED,
    /** The check could not be graded for a reason that is not the learner's code: the cluster, the kit, a grader. */
    ERROR;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    /** Counts against the learner: everything but a pass and a skip. */
    public boolean isFailure() {
        return this != PASSED && this != SKIPPED;
    }
}
