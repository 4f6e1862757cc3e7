package dev.kafkaworkbook.kit.grading;

import java.util.concurrent.Callable;

/**
 * What a call into learner code gave: a value, or what it threw, for checks about exceptions (a deserializer
 * that must throw {@code SerializationException}, a callback that must report an error). A skeleton's TODO is
 * rethrown rather than captured, so the check still reports "not started".
 */
public record Attempt<T>(T value, Throwable thrown) {

    public static <T> Attempt<T> of(Callable<T> learnerCode) {
        try {
            return new Attempt<>(learnerCode.call(), null);
        } catch (Exception | LinkageError | StackOverflowError thrown) {
            Todo.rethrowIfPresent(thrown);
            return new Attempt<>(null, thrown);
        }
    }

    public boolean threw() {
        return thrown != null;
    }
}
