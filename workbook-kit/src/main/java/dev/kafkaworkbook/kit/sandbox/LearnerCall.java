package dev.kafkaworkbook.kit.sandbox;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs learner code on a thread of its own, in the check's scope, and waits for it within a bound. Code that does
 * not return is left behind (interrupted, and stopped where the JVM still allows it); the check goes on.
 */
public final class LearnerCall {

    /** How often a long wait says it is still waiting, so the console is never silent for long. */
    private static final Duration TICK = Duration.ofSeconds(5);
    private static final AtomicInteger COUNT = new AtomicInteger();

    private LearnerCall() {
    }

    /** The learner code did not return within its bound. */
    public static final class TimedOut extends Exception {
        TimedOut() {
            super(null, null, false, false);
        }
    }

    /**
     * @param stillWaiting told the seconds waited so far, every few seconds of a long wait
     * @return what the code returned
     * @throws TimedOut when it did not return within {@code timeout}
     * @throws Throwable what the learner's code threw, as it threw it
     */
    public static <T> T call(Callable<T> code, Duration timeout, String threadName, IntConsumer stillWaiting)
            throws Throwable {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(code.call());
            } catch (Throwable thrown) {
                result.completeExceptionally(thrown);
            }
        }, threadName + "-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        long waitedFrom = System.nanoTime();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                abandon(thread);
                throw new TimedOut();
            }
            try {
                return result.get(Math.min(left, TICK.toNanos()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof OutOfMemoryError) {
                    LearnerCode.releaseStaticMemory(code.getClass().getClassLoader());
                }
                if (e.getCause() instanceof VirtualMachineError error) {
                    throw new ContainedError(error);
                }
                throw e.getCause();
            } catch (TimeoutException notYet) {
                if (deadline - System.nanoTime() > 0) {
                    stillWaiting.accept((int) ((System.nanoTime() - waitedFrom) / 1_000_000_000L));
                }
            } catch (InterruptedException e) {
                abandon(thread);
                Thread.currentThread().interrupt();
                throw e;
            }
        }
    }

    /** Interrupts a thread that did not finish, and stops it where {@code Thread.stop} still works (Java 17–19). */
    static void abandon(Thread thread) {
        thread.interrupt();
        ThreadAudit.stopIfPossible(thread);
    }
}
