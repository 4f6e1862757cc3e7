package dev.kafkaworkbook.kit.tools;

import dev.kafkaworkbook.kit.sandbox.KitThreads;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.KafkaThread;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs Kafka's command-line tools inside this JVM, as their scripts would run them in a JVM of their own:
 * <pre>{@code
 * ToolRunner.Captured describe = ToolRunner.capture(KafkaTool.CONSUMER_GROUPS,
 *         List.of("--describe", "--group", group, "--bootstrap-server", bootstrap), Duration.ofSeconds(30));
 * }</pre>
 * The tools end with {@code Exit.exit(status)}, which would end this JVM, and register their clean-up
 * ({@code producer.close()}, a consumer's wakeup) with {@code Exit.addShutdownHook}, which would hold it back at
 * exit (a console producer's hook delayed the end of a JVM by two minutes). So while a tool runs, its
 * {@code Exit.exit} ends the run, not the JVM: the exit status is taken, the calling thread waits while the hooks the
 * tool added run (as {@code System.exit} does), and nothing the tool does after that is seen. Its output goes to the
 * streams of the run; everyone else's output, and {@code Exit} called by anyone else, are left as they were.
 *
 * <p>One tool runs at a time: {@code Exit}'s procedures and {@code System.in} belong to the whole JVM.
 */
public final class ToolRunner {

    /** A tool's clean-up (closing a producer, waking a consumer) should take a moment: bounded so a stuck one cannot hang the run. */
    private static final Duration HOOK_TIMEOUT = Duration.ofSeconds(10);
    /** How long an exited tool's thread gets to unwind before the run returns without it. */
    private static final Duration UNWIND_TIMEOUT = Duration.ofSeconds(2);
    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

    /** How a run ended: the exit status the tool asked for (0 when its main method returned), and its wall time. */
    public record Result(KafkaTool tool, int exitStatus, Duration took) {
        public boolean succeeded() {
            return exitStatus == 0;
        }
    }

    /** A run whose output was kept: what the tool printed on standard output and on standard error. */
    public record Captured(Result result, String out, String err) {
        public int exitStatus() {
            return result.exitStatus();
        }
    }

    private ToolRunner() {
    }

    /**
     * Runs {@code tool} with {@code args}, reading {@code in} and printing to {@code out} and {@code err}, and returns
     * once it has exited and its shutdown hooks have run.
     *
     * @param timeout where present, a tool still running after it is stopped (interrupted, its hooks run) and
     *                {@link IllegalStateException} is thrown
     */
    public static Result run(KafkaTool tool, List<String> args, InputStream in, OutputStream out, OutputStream err,
                             Optional<Duration> timeout) {
        // Off the caller's thread group: a grader's check counts the threads it leaves behind, and a tool's are not its own.
        return KitThreads.call(() -> runHere(tool, args, in, out, err, timeout));
    }

    /** Runs {@code tool} with no input and returns what it printed. */
    public static Captured capture(KafkaTool tool, List<String> args, Duration timeout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Result result = run(tool, args, InputStream.nullInputStream(), out, err, Optional.of(timeout));
        return new Captured(result, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Result runHere(KafkaTool tool, List<String> args, InputStream in, OutputStream out, OutputStream err,
                                  Optional<Duration> timeout) throws InterruptedException {
        ONE_AT_A_TIME.lockInterruptibly();
        InputStream console = System.in;
        try {
            ExitProcedures.install();
            ScopedOutput.install();
            System.setIn(in);
            long began = System.nanoTime();
            ToolScope scope = new ToolScope(Thread.currentThread().getThreadGroup(), tool,
                    ScopedOutput.beneath(out), ScopedOutput.beneath(err));
            Thread main = new Thread(scope, () -> runMain(tool, args, scope), tool.command());
            // Ctrl-C while a tool runs (a console consumer runs until then) ends the JVM: the tool's clean-up runs first.
            Thread onJvmExit = new Thread(scope, () -> runHooks(scope), tool.command() + "-shutdown");
            Runtime.getRuntime().addShutdownHook(onJvmExit);
            main.start();
            int status;
            try {
                status = timeout.isPresent()
                        ? scope.finished().get(timeout.get().toMillis(), TimeUnit.MILLISECONDS)
                        : scope.finished().get();
            } catch (TimeoutException stillRunning) {
                main.interrupt();
                end(scope, main);
                throw new IllegalStateException(tool.command() + " " + String.join(" ", args) + " did not finish within "
                        + timeout.get().toSeconds() + " s");
            } catch (ExecutionException impossible) {
                status = 1;
            } finally {
                removeQuietly(onJvmExit);
            }
            end(scope, main);
            return new Result(tool, status, Duration.ofNanos(System.nanoTime() - began));
        } finally {
            System.setIn(console);
            ONE_AT_A_TIME.unlock();
        }
    }

    private static void runMain(KafkaTool tool, List<String> args, ToolScope scope) {
        try {
            tool.runMain(args.toArray(String[]::new));
            scope.finished().complete(0);
        } catch (ToolExit unwinding) {
            // The run ended at the tool's Exit.exit; its status is taken.
        } catch (Throwable thrown) {
            // As a JVM whose main method throws: the trace on standard error, exit status 1.
            thrown.printStackTrace(new PrintStream(scope.err(), true, StandardCharsets.UTF_8));
            scope.finished().complete(1);
        }
    }

    /** Runs the tool's shutdown hooks, then lets its threads unwind, printing nothing more. */
    private static void end(ToolScope scope, Thread main) throws InterruptedException {
        runHooks(scope);
        scope.end();
        main.join(UNWIND_TIMEOUT.toMillis());
    }

    private static void runHooks(ToolScope scope) {
        for (Runnable hook : scope.takeShutdownHooks()) {
            Thread thread = new Thread(scope, hook, "kafka-tool-shutdown-hook");
            thread.setDaemon(true);
            thread.start();
            try {
                thread.join(HOOK_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is ending (Ctrl-C): the hook runs the tool's clean-up now.
        }
    }

    /**
     * {@code Exit}'s procedures, set once for the JVM: a tool's thread exits its run; any other thread gets what
     * {@code Exit} does by default (a broker's fatal error still halts, a learner's exit still meets the kit's guard).
     */
    private static final class ExitProcedures {

        private static boolean installed;

        static synchronized void install() {
            if (installed) {
                return;
            }
            Exit.setExitProcedure((status, message) -> exit(status, () -> System.exit(status)));
            Exit.setHaltProcedure((status, message) -> exit(status, () -> Runtime.getRuntime().halt(status)));
            Exit.setShutdownHookAdder((name, hook) -> ToolScope.current().ifPresentOrElse(
                    scope -> scope.addShutdownHook(hook),
                    () -> Runtime.getRuntime().addShutdownHook(name == null ? new Thread(hook) : KafkaThread.nonDaemon(name, hook))));
            installed = true;
        }

        private static void exit(int status, Runnable otherwise) {
            Optional<ToolScope> scope = ToolScope.current();
            if (scope.isEmpty()) {
                otherwise.run();
            } else if (scope.get().isOver()) {
                throw new ToolExit(status);
            } else {
                scope.get().exit(status);
            }
        }
    }
}
