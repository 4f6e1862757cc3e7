package dev.kafkaworkbook.kit.grading;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the checks of one exercise remember of each other: the learner methods that already hung. A method that
 * did not return once is not called again by the exercise's later checks, which fail at once with the same
 * explanation: one hang costs one timeout, not one per check.
 */
final class ExerciseMemory {

    private final Map<String, String> hung = new ConcurrentHashMap<>();

    void hung(String key, String seconds) {
        hung.putIfAbsent(key, seconds);
    }

    /** The seconds the call under {@code key} was given when it hung, or null if it never hung. */
    String hungAfter(String key) {
        return hung.get(key);
    }
}
