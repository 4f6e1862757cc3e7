package dev.kafkaworkbook.kit.report;

import java.util.Comparator;

/** Exercise ids in course order: {@code 1.2} before {@code 1.10}. */
public final class ExerciseOrder {

    public static final Comparator<String> IDS = Comparator.comparingInt((String id) -> part(id, 0))
            .thenComparingInt(id -> part(id, 1))
            .thenComparing(Comparator.naturalOrder());

    /** Results by exercise, in course order, the visible checks before the hidden ones; otherwise the order is kept. */
    public static final Comparator<CheckResult> BY_EXERCISE = Comparator.comparing(CheckResult::exercise, IDS)
            .thenComparing(CheckResult::hidden);

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
