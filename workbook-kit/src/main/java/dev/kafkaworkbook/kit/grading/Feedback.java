package dev.kafkaworkbook.kit.grading;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.function.ThrowingSupplier;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * How a check speaks to the learner. Every failure names what was expected, what was observed, and the idea
 * of the lesson to revisit, from the grader's resource bundle:
 * <pre>
 * acks.title = The producer does not wait for every in-sync replica
 * acks.hint  = Lectura: acks=all waits for all in-sync replicas ...
 * </pre>
 * and every call into learner code is bounded by a timeout whose message says what probably hangs.
 */
public final class Feedback {

    private final Texts grader;
    private final Texts kit;
    private final String exercise;

    Feedback(Texts grader, Texts kit, String exercise) {
        this.grader = grader;
        this.kit = kit;
        this.exercise = exercise;
    }

    /** The grader's own text for {@code key}. */
    public String text(String key, Object... args) {
        return grader.get(key, args);
    }

    /**
     * Passes when {@code ok}; otherwise fails with the texts {@code key.title} and {@code key.hint}.
     *
     * @param expected what a correct answer gives; its {@code toString} is shown
     * @param observed what the learner's code gave
     */
    public void expect(String key, boolean ok, Object expected, Object observed) {
        if (!ok) {
            throw wrong(key, expected, observed);
        }
    }

    /** Passes when {@code observed} equals {@code expected}. */
    public void expectEqual(String key, Object expected, Object observed) {
        expect(key, Objects.equals(expected, observed), expected, observed);
    }

    /** The failure {@link #expect} throws, for checks that decide by other means. */
    public WrongAnswer wrong(String key, Object expected, Object observed) {
        String message = kit.get("wrong", "[" + exercise + "] " + grader.get(key + ".title"),
                String.valueOf(expected), String.valueOf(observed), grader.get(key + ".hint"));
        return new WrongAnswer(message, expected, observed);
    }

    /**
     * Runs learner code, stopping it after {@code timeout}. A timeout fails the check with {@code key.title}
     * (what did not return) and {@code key.hint} (the likely cause, e.g. "did you call wakeup()?").
     */
    public <T> T call(String key, Duration timeout, Callable<T> learnerCode) {
        ThrowingSupplier<T> supplier = learnerCode::call;
        return Assertions.assertTimeoutPreemptively(timeout, supplier, () -> kit.get("timeout",
                "[" + exercise + "] " + grader.get(key + ".title"), seconds(timeout), grader.get(key + ".hint")));
    }

    /** {@link #call}, capturing what the learner code threw instead of failing the check with it. */
    public <T> Attempt<T> attempt(String key, Duration timeout, Callable<T> learnerCode) {
        return call(key, timeout, () -> Attempt.of(learnerCode));
    }

    /** {@link #call} for learner code that returns nothing. */
    public void run(String key, Duration timeout, LearnerAction learnerCode) {
        call(key, timeout, () -> {
            learnerCode.run();
            return null;
        });
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? String.valueOf(timeout.toSeconds())
                : String.format(java.util.Locale.ROOT, "%.1f", timeout.toMillis() / 1000.0);
    }

    /** Learner code that returns nothing and may throw. */
    @FunctionalInterface
    public interface LearnerAction {
        void run() throws Exception;
    }
}
