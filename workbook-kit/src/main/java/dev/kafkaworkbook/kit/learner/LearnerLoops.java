package dev.kafkaworkbook.kit.learner;

import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Texts;
import dev.kafkaworkbook.kit.grading.Todo;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Learner code that runs until it is told to stop, such as a consumer's poll loop, each on a thread of its own in
 * the check's scope, with the same guarantees as {@link Feedback#call}: whatever it throws reaches the check (a
 * skeleton's TODO as "not started", at once, even while the check is waiting for something else), and nothing
 * waits on it without a bound.
 * <pre>{@code
 * LearnerLoops loops = LearnerLoops.of(cluster, feedback);
 * LogProcessingLoop learner = feedback.call("create", () -> new LogProcessingLoop(consumer, topic, handler));
 * LearnerLoops.Loop loop = loops.start("consumer-1", learner::run, realConsumer::wakeup);
 * loops.await(() -> journal.processedRecords().size() >= sent, Duration.ofSeconds(15));
 * Duration stoppedIn = loops.stop(loop, learner::shutdown);
 * }</pre>
 * A loop is stopped the only way a consumer allows from another thread: the learner's stop method is called from
 * the check's thread, and is expected to call {@code wakeup()}; the loop then leaves and closes its consumer on its
 * own thread, within {@link #EXIT_BOUND}. Loops still running when the check ends are woken up by the kit itself
 * and interrupted.
 */
public final class LearnerLoops implements AutoCloseable {

    /** How long a loop may take to return once asked to stop (measured on this machine: 5–509 ms). */
    public static final Duration EXIT_BOUND = Duration.ofSeconds(8);
    /** A stop method only asks (wakeup() returns at once): it must return promptly. */
    private static final Duration STOP_CALL = Duration.ofSeconds(5);
    private static final Duration CLEANUP_JOIN = Duration.ofSeconds(3);

    private static final String TEXTS = "dev.kafkaworkbook.kit.learner.learner";

    private final Feedback feedback;
    private final List<Loop> loops = new CopyOnWriteArrayList<>();

    private LearnerLoops(Feedback feedback) {
        this.feedback = feedback.with(texts());
    }

    /** Loops for this check; the cluster stops whatever still runs when the check ends. */
    public static LearnerLoops of(Cluster cluster, Feedback feedback) {
        return cluster.closeAfterCheck(new LearnerLoops(feedback));
    }

    static Texts texts() {
        return Texts.find(TEXTS, LearnerLoops.class.getClassLoader())
                .orElseThrow(() -> new IllegalStateException("No texts " + TEXTS));
    }

    /**
     * Builds the learner's loop (its constructor is learner code too), bounded like any learner call: a constructor
     * only remembers its arguments.
     */
    public <T> T create(java.util.concurrent.Callable<T> constructor) {
        return feedback.call("loop.create", Feedback.LEARNER_CALL, constructor);
    }

    /** One learner loop on its thread. */
    public static final class Loop {
        private final String name;
        private final Thread thread;
        private final Runnable emergencyStop;
        private final CompletableFuture<Void> end = new CompletableFuture<>();
        private final long startedAt = System.nanoTime();
        private volatile boolean stopRequested;

        private Loop(String name, Feedback.LearnerAction code, Runnable emergencyStop) {
            this.name = name;
            this.emergencyStop = emergencyStop;
            // Started from the check's thread: the loop, and every thread it starts, belongs to the check's scope.
            this.thread = new Thread(() -> {
                try {
                    code.run();
                    end.complete(null);
                } catch (Throwable thrown) {
                    end.completeExceptionally(thrown);
                }
            }, "learner-" + name);
            thread.setDaemon(true);
        }

        public String name() {
            return name;
        }

        public boolean hasEnded() {
            return end.isDone();
        }

        /** What the loop threw, once it has ended by throwing. */
        public Optional<Throwable> thrown() {
            if (!end.isCompletedExceptionally()) {
                return Optional.empty();
            }
            try {
                end.join();
                return Optional.empty();
            } catch (java.util.concurrent.CompletionException e) {
                return Optional.of(e.getCause());
            } catch (java.util.concurrent.CancellationException e) {
                return Optional.of(e);
            }
        }

        private long millisRunning() {
            return (System.nanoTime() - startedAt) / 1_000_000;
        }

        /** Wakes the loop's consumer (the kit's own handle on it, not the learner's code) and interrupts the thread. */
        private void abandon() {
            if (emergencyStop != null) {
                try {
                    emergencyStop.run();
                } catch (RuntimeException alreadyClosed) {
                    // Nothing to wake.
                }
            }
            thread.interrupt();
        }
    }

    /**
     * Starts {@code code} (the learner's {@code run()}) on a thread of its own.
     *
     * @param emergencyStop what the kit does to a loop that did not stop when asked, or was never asked (the check
     *                      failed first): typically {@code wakeup()} on the real consumer behind the learner's; may be null
     */
    public Loop start(String name, Feedback.LearnerAction code, Runnable emergencyStop) {
        Loop loop = new Loop(name, code, emergencyStop);
        loops.add(loop);
        loop.thread.start();
        return loop;
    }

    /**
     * Waits until {@code condition} holds, for at most {@code within}, while every loop runs. A loop that ends meanwhile
     * ends the wait: if it threw, the check fails with what it threw (a TODO reports "not started"); if it returned
     * before it was asked to stop, the check fails for that.
     *
     * @return whether the condition held in time (the check judges what it sees either way)
     */
    public boolean await(BooleanSupplier condition, Duration within) {
        try {
            Awaitility.await().atMost(within).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        judgeEndedLoops();
                        return condition.getAsBoolean();
                    });
            return true;
        } catch (ConditionTimeoutException notYet) {
            judgeEndedLoops();
            return false;
        }
    }

    /** Fails the check for the first loop that ended without being asked to: with what it threw, or for returning. */
    public void judgeEndedLoops() {
        for (Loop loop : loops) {
            if (loop.hasEnded() && !loop.stopRequested) {
                rethrowIfThrew(loop);
                throw feedback.wrong("loop.returned", feedback.text("loop.returned.expected"),
                        feedback.text("loop.returned.observed", loop.name, loop.millisRunning()));
            }
        }
    }

    /**
     * Asks {@code loop} to stop with the learner's own stop method, called here, on the check's thread (as another
     * part of a service would), then waits for the loop to return, at most {@link #EXIT_BOUND}.
     *
     * @return how long the loop took to return after the request
     */
    public Duration stop(Loop loop, Feedback.LearnerAction stopRequest) {
        judgeEndedLoops();
        loop.stopRequested = true;
        long asked = System.nanoTime();
        try {
            feedback.run("loop.stop", STOP_CALL, stopRequest);
        } catch (AssertionError verdict) {
            loop.abandon();
            throw verdict;
        } catch (Throwable thrown) {
            loop.abandon();
            Todo.rethrowIfPresent(thrown);
            if (causedBy(thrown, java.util.ConcurrentModificationException.class)) {
                throw feedback.wrong("loop.notThreadSafe", feedback.text("loop.notThreadSafe.expected"), thrown);
            }
            throw LearnerLoops.<RuntimeException>sneaky(thrown);
        }
        try {
            feedback.call("loop.exit", EXIT_BOUND, () -> {
                awaitEnd(loop);
                return null;
            });
        } catch (AssertionError hung) {
            loop.abandon();
            throw hung;
        }
        rethrowIfThrew(loop);
        return Duration.ofNanos(System.nanoTime() - asked);
    }

    private static void awaitEnd(Loop loop) throws InterruptedException {
        try {
            loop.end.get();
        } catch (java.util.concurrent.ExecutionException threw) {
            // Judged by the caller.
        }
    }

    private static void rethrowIfThrew(Loop loop) {
        Optional<Throwable> thrown = loop.thrown();
        if (thrown.isPresent()) {
            throw LearnerLoops.<RuntimeException>sneaky(thrown.get());
        }
    }

    /** Rethrows what the learner's code threw, checked or not, as it was thrown. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> E sneaky(Throwable thrown) throws E {
        throw (E) thrown;
    }

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Stops, without a verdict, the loops still running when the check ends (it failed before stopping them). */
    @Override
    public void close() {
        for (Loop loop : loops) {
            if (!loop.hasEnded()) {
                loop.stopRequested = true;
                loop.abandon();
            }
        }
        for (Loop loop : loops) {
            try {
                loop.end.get(CLEANUP_JOIN.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception stillRunningOrThrew) {
                // The check's thread audit reports what still runs.
            }
        }
    }
}
