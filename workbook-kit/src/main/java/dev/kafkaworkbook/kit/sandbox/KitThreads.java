package dev.kafkaworkbook.kit.sandbox;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that belong to the kit, not to any check. A broker restarted from within a check must not have its
 * threads in that check's scope, where they would be counted as the learner's and stopped with them.
 */
public final class KitThreads {

    /** The thread group the kit was loaded in: every check's scope hangs below it; kit threads live in it. */
    static final ThreadGroup ROOT = rootGroup();

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService KIT = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(ROOT, task, "workbook-kit-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private static final java.util.concurrent.ScheduledExecutorService LATER =
            Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(ROOT, task, "workbook-kit-timer");
                thread.setDaemon(true);
                return thread;
            });

    private KitThreads() {
    }

    /** Runs {@code work} on a kit thread after {@code delay}. */
    public static void after(java.time.Duration delay, Runnable work) {
        LATER.schedule(work, delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private static ThreadGroup rootGroup() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        while (group instanceof CheckScope) {
            group = group.getParent();
        }
        return group;
    }

    /** Runs {@code work} on a kit thread and waits for it, rethrowing what it threw. */
    public static <T> T call(Callable<T> work) {
        if (CheckScope.current().isEmpty()) {
            try {
                return work.call();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        Future<T> result = KIT.submit(work);
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the kit worked", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Runs {@code work} on a kit thread without waiting. */
    public static CompletableFuture<Void> async(Runnable work) {
        return CompletableFuture.runAsync(work, KIT);
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
