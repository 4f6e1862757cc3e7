package dev.kafkaworkbook.kit.learner;

import java.util.concurrent.Callable;

/**
 * One run of the learner's code that several checks of a grader judge, each on its own aspect: a crash and resume,
 * instances coming and going. Such a run takes seconds; it runs once, in the scope of the first check that asks for
 * it, and must be over (every loop stopped, every child JVM gone) when it returns. Every check then judges the same
 * facts; what the run threw (a TODO, a hang, a wrong answer found on the way) is rethrown to each of them.
 * <pre>{@code
 * private static final SharedRun<Crash> CRASH = new SharedRun<>();
 * ...
 * Crash crash = CRASH.get(() -> Crash.run(cluster, data, feedback));
 * }</pre>
 */
public final class SharedRun<T> {

    private boolean ran;
    private T facts;
    private Throwable thrown;

    /** The facts of the run, running it first if no check has yet. */
    public synchronized T get(Callable<T> run) {
        if (!ran) {
            ran = true;
            try {
                facts = run.call();
            } catch (Throwable failure) {
                thrown = failure;
            }
        }
        if (thrown != null) {
            throw LearnerLoops.<RuntimeException>sneaky(thrown);
        }
        return facts;
    }

    /** Whether some check has run it; while one is running it, waits for the run to end. */
    public synchronized boolean hasRun() {
        return ran;
    }

    /** The facts of a run that is over and succeeded, if any; never runs it. */
    public synchronized java.util.Optional<T> ifSucceeded() {
        return ran && thrown == null ? java.util.Optional.ofNullable(facts) : java.util.Optional.empty();
    }
}
