package dev.kafkaworkbook.kit.report;

import java.util.Comparator;

/** Exercise ids in course order: {@code 1.2} before {@code 1.10}. */
final class ExerciseIds {

    static final Comparator<String> ORDER = Comparator.comparingInt((String id) -> part(id, 0))
            .thenComparingInt(id -> part(id, 1))
            .thenComparing(Comparator.naturalOrder());

    private ExerciseIds() {
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
