package dev.kafkaworkbook.kit.report;

import java.util.Comparator;

/** Exercise ids in course order: {@code 1.2} before {@code 1.10}. */
public final class ExerciseOrder {

    public static final Comparator<String> IDS = Comparator.comparingInt((String id) -> part(id, 0))
            .thenComparingInt(id -> part(id, 1))
            .thenComparing(Comparator.naturalOrder());

    /** Results by exercise, in course order; within an exercise the order is kept (a stable sort). */
    public static final Comparator<CheckResult> BY_EXERCISE = Comparator.comparing(CheckResult::exercise, IDS);

    private ExerciseOrder() {
    }

    private static int part(String id, int index) {
        String[] parts = id.split("\\.");
        try {
            return index < parts.length ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
