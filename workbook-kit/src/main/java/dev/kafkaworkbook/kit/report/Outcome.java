package dev.kafkaworkbook.kit.report;

import java.util.Locale;

/** How one check ended. Only {@link #PASSED} earns points. */
public enum Outcome {
    /** The learner's code did what the lesson asks. */
    PASSED,
    /** The check reached a skeleton's {@code TODO}: the exercise is not started yet. */
    NOT_STARTED,
    /** The learner's code ran and did something else than asked (or hung). */
    WRONG,
    /** The learner's code threw where it should not have. */
    CRASHED,
    /** The check could not run here (e.g. it needs brokers the chosen backend cannot stop); never silent. */
    SKIPPED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
