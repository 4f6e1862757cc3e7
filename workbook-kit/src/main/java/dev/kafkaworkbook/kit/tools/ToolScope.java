package dev.kafkaworkbook.kit.tools;

import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * The threads of one tool run: the tool's main thread and every thread it starts (its clients' I/O threads,
 * a console consumer's shutdown hook). Their output goes to the run's streams; what a tool calls {@code Exit}
 * with, and the shutdown hooks it adds, are kept here for the runner.
 */
final class ToolScope extends ThreadGroup {

    private final OutputStream out;
    private final OutputStream err;
    private final List<Runnable> shutdownHooks = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> finished = new CompletableFuture<>();
    private final CountDownLatch over = new CountDownLatch(1);

    ToolScope(ThreadGroup parent, KafkaTool tool, OutputStream out, OutputStream err) {
        super(parent, "kafka-tool " + tool.command());
        this.out = out;
        this.err = err;
    }

    static Optional<ToolScope> of(Thread thread) {
        for (ThreadGroup group = thread.getThreadGroup(); group != null; group = group.getParent()) {
            if (group instanceof ToolScope scope) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    static Optional<ToolScope> current() {
        return of(Thread.currentThread());
    }

    /** Where the run's threads print; once the run is over, nowhere (a process that exited prints nothing more). */
    OutputStream out() {
        return isOver() ? OutputStream.nullOutputStream() : out;
    }

    OutputStream err() {
        return isOver() ? OutputStream.nullOutputStream() : err;
    }

    /**
     * The tool's {@code Exit.exit(status)}: the run is finished with that status, and the calling thread waits, as
     * a thread calling {@code System.exit} does while the shutdown hooks run, until the run is over. Then it unwinds.
     */
    void exit(int status) {
        finished.complete(status);
        try {
            over.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ToolExit(status);
    }

    /** Completed with the exit status: the first {@code Exit.exit}, or 0 when the tool's main method returns. */
    CompletableFuture<Integer> finished() {
        return finished;
    }

    void addShutdownHook(Runnable hook) {
        shutdownHooks.add(hook);
    }

    /** The hooks added so far, each handed out once: Ctrl-C and the end of the run must not both run them. */
    synchronized List<Runnable> takeShutdownHooks() {
        List<Runnable> hooks = List.copyOf(shutdownHooks);
        shutdownHooks.clear();
        return hooks;
    }

    /** The run is over: its threads print nothing more, and those waiting in {@link #exit} unwind. */
    void end() {
        over.countDown();
    }

    boolean isOver() {
        return over.getCount() == 0;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        // A thread unwinding from its exit ends quietly, as the process it stands for would have ended there.
        if (!(error instanceof ToolExit) && !isOver()) {
            new java.io.PrintStream(err, true).println("Exception in thread \"" + thread.getName() + "\" " + error);
        }
    }
}
