package dev.kafkaworkbook.kit.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * What a check left running when it ended. Threads of the check's scope still alive once its clients are closed
 * were started by the check's code and never stopped: they are interrupted, given a moment, stopped where the JVM
 * allows it, and whatever still runs is named in the check's feedback.
 */
public final class ThreadAudit {

    private static final Duration GRACE = Duration.ofSeconds(2);

    private ThreadAudit() {
    }

    /** @return one description per thread that would not stop, e.g. {@code pool-3-thread-1 (WAITING at …)} */
    public static List<String> stopLeftovers(CheckScope scope, Thread runner) {
        List<Thread> left = leftovers(scope, runner);
        if (left.isEmpty()) {
            return List.of();
        }
        List<String> described = new ArrayList<>();
        for (Thread thread : left) {
            described.add(describe(thread));
            thread.interrupt();
        }
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (Thread thread : left) {
            long remaining = deadline - System.nanoTime();
            if (remaining > 0) {
                try {
                    thread.join(Math.max(1, remaining / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        List<String> stubborn = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
            if (left.get(i).isAlive()) {
                stopIfPossible(left.get(i));
                stubborn.add(described.get(i));
            }
        }
        return stubborn;
    }

    private static List<Thread> leftovers(CheckScope scope, Thread runner) {
        List<Thread> live = scope.liveThreads(runner);
        // Pool workers (the common ForkJoinPool's) belong to their pool, which retires them when idle.
        live.removeIf(thread -> thread instanceof ForkJoinWorkerThread);
        return live;
    }

    static String describe(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        String where = LearnerCode.frameOf(stack).orElse(stack.length > 0 ? stack[0].toString() : "?");
        return thread.getName() + " (" + thread.getState() + " at " + where + ")";
    }

    /** {@code Thread.stop} ends even a busy loop; it exists up to Java 19 and throws from Java 20 on. */
    static void stopIfPossible(Thread thread) {
        try {
            Thread.class.getMethod("stop").invoke(thread);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unsupported) {
            // Java 20+: the thread stays; the check has moved on without it.
        }
    }
}
