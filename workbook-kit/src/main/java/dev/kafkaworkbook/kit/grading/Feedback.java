package dev.kafkaworkbook.kit.grading;

import dev.kafkaworkbook.kit.sandbox.Console;
import dev.kafkaworkbook.kit.sandbox.LearnerCall;

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

    /** The bound of a learner call that should return at once: a configuration, a key, a send without waiting. */
    public static final Duration LEARNER_CALL = Duration.ofSeconds(20);

    private final Texts grader;
    /** A kit package's own texts ({@code groups.properties}…), between the grader's and the kit's; may be null. */
    private final Texts kitPackage;
    private final Texts kit;
    private final String exercise;
    private final ExerciseMemory memory;

    Feedback(Texts grader, Texts kit, String exercise, ExerciseMemory memory) {
        this(grader, null, kit, exercise, memory);
    }

    private Feedback(Texts grader, Texts kitPackage, Texts kit, String exercise, ExerciseMemory memory) {
        this.grader = grader;
        this.kitPackage = kitPackage;
        this.kit = kit;
        this.exercise = exercise;
        this.memory = memory;
    }

    /**
     * This feedback, where {@code packageTexts} (a kit package's own bundle) answers the keys the grader's bundle does
     * not define: kit classes outside {@code grading} word their failures in their own bundle, and a grader may still
     * say it more precisely. Same exercise, same memory of what hung.
     */
    public Feedback with(Texts packageTexts) {
        return new Feedback(grader, packageTexts, kit, exercise, memory);
    }

    /**
     * The grader's own text for {@code key}, else the kit's: the kit words what every grader shares (a configuration
     * Kafka rejects, a configuration method that hangs), and a grader may say it more precisely.
     */
    public String text(String key, Object... args) {
        return grader.find(key, args)
                .or(() -> kitPackage == null ? java.util.Optional.empty() : kitPackage.find(key, args))
                .or(() -> kit.find(key, args)).orElseGet(() -> grader.get(key, args));
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

    /** Passes when {@code min <= value <= max}; the message names the setting and the range. */
    public void expectInRange(String key, String name, long value, long min, long max) {
        expect(key, value >= min && value <= max, min + " <= " + name + " <= " + max, name + "=" + value);
    }

    /** Passes when {@code value >= min}. */
    public void expectAtLeast(String key, String name, double value, double min) {
        expect(key, value >= min, name + " >= " + number(min), name + "=" + number(value));
    }

    /** Passes when both hold the same elements, whatever the order; the message names what is missing and what is extra. */
    public <T> void expectSameElements(String key, java.util.Collection<T> expected, java.util.Collection<T> observed) {
        java.util.Set<T> missing = new java.util.LinkedHashSet<>(expected);
        missing.removeAll(observed);
        java.util.Set<T> extra = new java.util.LinkedHashSet<>(observed);
        extra.removeAll(expected);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw wrong(key, expected, kit.get("elements.observed", observed,
                    Tally.firstFew(missing.stream().map(String::valueOf).toList()),
                    Tally.firstFew(extra.stream().map(String::valueOf).toList())));
        }
    }

    /**
     * Passes when every expected item arrived exactly once. Otherwise fails under the key of what went wrong first,
     * {@code lost}, {@code duplicated} or {@code unexpected} (each with the grader's hint, else the kit's), and the
     * observed line counts all three and names the first few of each: {@code expected: each of the 120 expected
     * items exactly once; observed: 3 lost (order-1, …); 2 more than once (order-7 ×2, …)}.
     */
    public <T> void expectExactlyOnce(Tally<T> tally, java.util.function.Function<T, String> show) {
        if (!tally.exactlyOnce()) {
            String key = !tally.lost().isEmpty() ? "lost" : !tally.duplicated().isEmpty() ? "duplicated" : "unexpected";
            throw wrong(key, kit.get("tally.expected", tally.expected()), tally.describe(show, kit));
        }
    }

    /** {@link #expectExactlyOnce(Tally, java.util.function.Function)} under one key, whatever went wrong. */
    public <T> void expectExactlyOnce(String key, Tally<T> tally, java.util.function.Function<T, String> show) {
        expect(key, tally.exactlyOnce(), kit.get("tally.expected", tally.expected()), tally.describe(show, kit));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(java.util.Locale.ROOT, "%.2f", value);
    }

    /** The failure {@link #expect} throws, for checks that decide by other means. */
    public WrongAnswer wrong(String key, Object expected, Object observed) {
        String message = kit.get("wrong", "[" + exercise + "] " + text(key + ".title"),
                String.valueOf(expected), String.valueOf(observed), text(key + ".hint"));
        return new WrongAnswer(message, expected, observed);
    }

    /**
     * Runs learner code on a thread of its own, waiting at most {@code timeout}. Code that does not return fails the
     * check with {@code key.title} (what did not return) and {@code key.hint} (the likely cause, e.g. "did you call
     * wakeup()?"); later checks of the exercise that call it under the same key fail at once, with the same words.
     * What the code throws is rethrown as it is.
     */
    public <T> T call(String key, Duration timeout, Callable<T> learnerCode) {
        String hungBefore = memory.hungAfter(key);
        if (hungBefore != null) {
            throw new WrongAnswer(kit.get("timeout.again", "[" + exercise + "] " + text(key + ".title"),
                    hungBefore, text(key + ".hint")));
        }
        try {
            return LearnerCall.call(learnerCode, timeout, "learner-" + exercise, waited -> Console.out().println(
                    kit.get("waiting", exercise, waited, seconds(timeout))));
        } catch (LearnerCall.TimedOut timedOut) {
            memory.hung(key, seconds(timeout));
            throw new WrongAnswer(kit.get("timeout", "[" + exercise + "] " + text(key + ".title"),
                    seconds(timeout), text(key + ".hint")));
        } catch (Throwable thrown) {
            throw Feedback.<RuntimeException>sneaky(thrown);
        }
    }

    /** {@link #call} within {@link #LEARNER_CALL}. */
    public <T> T call(String key, Callable<T> learnerCode) {
        return call(key, LEARNER_CALL, learnerCode);
    }

    /** Rethrows a checked exception unchanged, as the learner's code threw it. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable thrown) throws E {
        throw (E) thrown;
    }

    /** {@link #call}, capturing what the learner code threw instead of failing the check with it. */
    public <T> Attempt<T> attempt(String key, Duration timeout, Callable<T> learnerCode) {
        return call(key, timeout, () -> Attempt.of(learnerCode));
    }

    /** {@link #attempt} within {@link #LEARNER_CALL}. */
    public <T> Attempt<T> attempt(String key, Callable<T> learnerCode) {
        return attempt(key, LEARNER_CALL, learnerCode);
    }

    /** {@link #call} for learner code that returns nothing. */
    public void run(String key, Duration timeout, LearnerAction learnerCode) {
        call(key, timeout, () -> {
            learnerCode.run();
            return null;
        });
    }

    /** {@link #run} within {@link #LEARNER_CALL}. */
    public void run(String key, LearnerAction learnerCode) {
        run(key, LEARNER_CALL, learnerCode);
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
