package dev.kafkaworkbook.kit.grading;

import dev.kafkaworkbook.kit.cluster.BackendChoice;
import dev.kafkaworkbook.kit.cluster.BackendKind;
import dev.kafkaworkbook.kit.cluster.Backends;
import dev.kafkaworkbook.kit.cluster.BrokerControl;
import dev.kafkaworkbook.kit.cluster.KafkaBackend;
import dev.kafkaworkbook.kit.sandbox.CheckScope;
import dev.kafkaworkbook.kit.sandbox.ContainedError;
import dev.kafkaworkbook.kit.sandbox.KitThreads;
import dev.kafkaworkbook.kit.sandbox.LearnerExit;
import dev.kafkaworkbook.kit.sandbox.MemoryPressure;
import dev.kafkaworkbook.kit.sandbox.ThreadAudit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JUnit side of a {@link Grader}. It starts (once per JVM) the cluster a check asks for and hands each check its
 * {@link Cluster}, {@link TestData} and {@link Feedback}. It runs each check's body in a {@link CheckScope}, so that
 * whatever the learner's code starts belongs to that check; and when the check ends it closes the clients the check
 * opened, restarts any broker it stopped, and fails the check for what the learner's code left behind: a refused
 * {@code System.exit}, threads still running. A check that failed while another exercise's code had filled the
 * shared heap is tried again, with fresh clients and topics, once the memory is back ({@link MemoryPressure}).
 */
public final class WorkbookExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver,
        InvocationInterceptor {

    /** Report entries the {@code ScorecardListener} shows with a check's feedback. */
    public static final String OUTPUT_ENTRY = "workbook.output";
    public static final String OUTPUT_BYTES_ENTRY = "workbook.outputBytes";

    private static final Namespace NAMESPACE = Namespace.create(WorkbookExtension.class);
    /** Cluster data lives here, beside the module's other build output, and is deleted when the run ends. */
    private static final Path WORK_DIR = Path.of("target", "workbook-kafka");
    /** A last resort against a check that hangs where no learner call bounds it. */
    private static final Duration CHECK_LIMIT = Duration.ofSeconds(180);
    private static final int SHOWN_OUTPUT_LINES = 15;
    /** Tries after the first that a check gets when another exercise filled the heap while it ran. */
    private static final int RETRIES_AFTER_FULL_HEAP = 2;
    private static final Duration HEAP_RELIEF_LIMIT = Duration.ofSeconds(10);

    @Override
    public void beforeEach(ExtensionContext context) {
        Grader grader = grader(context);
        if (grader.brokers() > 1 && usesCluster(context.getRequiredTestMethod())) {
            BackendChoice choice = backends(context).choice();
            Assumptions.assumeTrue(choice.kind() == BackendKind.EMBEDDED,
                    () -> Texts.kit().get("skipped.brokers", grader.brokers(), choice.kind().propertyValue(), choice.selectedBy()));
        }
        context.getStore(NAMESPACE).put(Clients.class, new Clients());
    }

    private static boolean usesCluster(Method check) {
        return Arrays.asList(check.getParameterTypes()).contains(Cluster.class);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        long heapFullBefore = MemoryPressure.incidents();
        try {
            runInScope(context, invocation::proceed);
        } catch (Throwable failed) {
            Throwable last = failed;
            // Every exercise shares the heap with the others and with the broker: when another exercise's code
            // fills it, this check may fail for nothing it did. It gets a fresh try once the memory is back.
            for (int retry = 0; retry < RETRIES_AFTER_FULL_HEAP && MemoryPressure.incidents() > heapFullBefore
                    && !causedByThisCheck(context, last); retry++) {
                awaitHeapRelief();
                heapFullBefore = MemoryPressure.incidents();
                ExtensionContext.Store store = context.getStore(NAMESPACE);
                releaseWhatTheCheckHeld(store);
                abandonScope(store);
                store.put(Clients.class, new Clients());
                Object[] arguments = freshArguments(call, context);
                try {
                    runInScope(context, () -> invokeAgain(call, arguments));
                    return;
                } catch (Throwable again) {
                    last = again;
                }
            }
            throw last;
        }
    }

    /** Runs a check's body in a {@link CheckScope} of its own, within the last-resort limit. */
    private static void runInScope(ExtensionContext context, Body body) throws Throwable {
        CheckScope scope = new CheckScope(grader(context).exercise(), context.getRequiredTestMethod().getName());
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread runner = new Thread(scope, () -> {
            try {
                body.run();
                done.complete(null);
            } catch (Throwable thrown) {
                done.completeExceptionally(thrown);
            }
        }, "check-" + scope.exercise() + "-" + scope.check());
        context.getStore(NAMESPACE).put(CheckScope.class, scope);
        context.getStore(NAMESPACE).put(Thread.class, runner);
        runner.start();
        try {
            done.get(CHECK_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            runner.interrupt();
            throw new IllegalStateException(Texts.kit().get("check.limit", CHECK_LIMIT.toSeconds()));
        }
    }

    private interface Body {
        void run() throws Throwable;
    }

    /** The learner's own memory error or refused exit is the learner's answer; trying again would not change it. */
    private static boolean causedByThisCheck(ExtensionContext context, Throwable failure) {
        CheckScope scope = context.getStore(NAMESPACE).get(CheckScope.class, CheckScope.class);
        return failure instanceof ContainedError || failure instanceof LearnerExit
                || (scope != null && !scope.exits().isEmpty());
    }

    private static void awaitHeapRelief() {
        try {
            // A collection is what updates the reading; the learner's thread frees its memory as it unwinds.
            org.awaitility.Awaitility.await("the heap has room again").atMost(HEAP_RELIEF_LIMIT)
                    .pollInterval(Duration.ofMillis(250)).until(() -> {
                        System.gc();
                        return MemoryPressure.relieved();
                    });
        } catch (org.awaitility.core.ConditionTimeoutException stillFull) {
            // Try anyway: the check's verdict then says what went wrong.
        }
    }

    /** The parameters of a check, made anew (fresh clients, topics named afresh, the same seeded data). */
    private Object[] freshArguments(ReflectiveInvocationContext<Method> call, ExtensionContext context) {
        Object[] arguments = call.getArguments().toArray();
        java.lang.reflect.Parameter[] parameters = call.getExecutable().getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (resolves(parameters[i].getType())) {
                arguments[i] = resolveParameter(parameters[i].getType(), context);
            }
        }
        return arguments;
    }

    private static void invokeAgain(ReflectiveInvocationContext<Method> call, Object[] arguments) throws Throwable {
        Method check = call.getExecutable();
        check.setAccessible(true);
        try {
            check.invoke(call.getTarget().orElse(null), arguments);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        releaseWhatTheCheckHeld(store);
        CheckScope scope = store.remove(CheckScope.class, CheckScope.class);
        if (scope != null) {
            judgeWhatWasLeftBehind(context, scope, store.remove(Thread.class, Thread.class));
        }
    }

    /** Closes the clients the check opened, deletes its topics and restarts any broker it stopped. */
    private static void releaseWhatTheCheckHeld(ExtensionContext.Store store) {
        Clients clients = store.remove(Clients.class, Clients.class);
        if (clients != null) {
            clients.close();
        }
        Cluster cluster = store.remove(Cluster.class, Cluster.class);
        if (cluster != null) {
            cluster.deleteWhatTheCheckCreated();
        }
        KafkaBackend started = store.remove(KafkaBackend.class, KafkaBackend.class);
        if (started != null) {
            // The next check on this cluster waits for it; the learner need not (nor the watch loop between saves).
            started.brokerControl().ifPresent(BrokerControl::startAllInBackground);
        }
    }

    /** A failed try's threads are stopped without a verdict: only the try that counts is judged. */
    private static void abandonScope(ExtensionContext.Store store) {
        CheckScope scope = store.remove(CheckScope.class, CheckScope.class);
        if (scope != null) {
            ThreadAudit.stopLeftovers(scope, store.remove(Thread.class, Thread.class));
        }
    }

    /** Publishes what the check's code printed, and fails the check for a refused exit or threads left running. */
    private static void judgeWhatWasLeftBehind(ExtensionContext context, CheckScope scope, Thread runner) {
        List<String> leftRunning = ThreadAudit.stopLeftovers(scope, runner);
        if (!scope.output().isEmpty()) {
            context.publishReportEntry(Map.of(OUTPUT_ENTRY, scope.output().firstLines(SHOWN_OUTPUT_LINES),
                    OUTPUT_BYTES_ENTRY, String.valueOf(scope.output().totalBytes())));
        }
        Texts kit = Texts.kit();
        String exercise = "[" + scope.exercise() + "] ";
        Throwable failure = context.getExecutionException().orElse(null);
        if (!scope.exits().isEmpty() && !(failure instanceof LearnerExit)) {
            LearnerExit exit = scope.exits().get(0);
            throw new WrongAnswer(kit.get("exit.caught", exercise, exit.status()));
        }
        if (!leftRunning.isEmpty()) {
            throw new WrongAnswer(kit.get("wrong", exercise + kit.get("leaks.title", leftRunning.size()),
                    kit.get("leaks.expected"), String.join("; ", leftRunning), kit.get("leaks.hint")));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return resolves(parameter.getParameter().getType());
    }

    private static boolean resolves(Class<?> type) {
        return type == Cluster.class || type == TestData.class || type == Feedback.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return resolveParameter(parameter.getParameter().getType(), context);
    }

    private Object resolveParameter(Class<?> type, ExtensionContext context) {
        if (type == TestData.class) {
            return new TestData(GradingRun.current().seed(), context.getUniqueId());
        }
        if (type == Feedback.class) {
            Class<?> graderClass = context.getRequiredTestClass();
            ExerciseMemory memory = context.getParent().orElse(context).getStore(NAMESPACE)
                    .getOrComputeIfAbsent(ExerciseMemory.class, key -> new ExerciseMemory(), ExerciseMemory.class);
            return new Feedback(Texts.of(graderClass), Texts.kit(), grader(context).exercise(), memory);
        }
        return cluster(context);
    }

    private Cluster cluster(ExtensionContext context) {
        int brokers = grader(context).brokers();
        KafkaBackend backend = backends(context).withBrokers(brokers);
        GradingRun.current().clusterUsed(String.valueOf(brokers), backend);
        // A previous check may have failed with brokers down: every check starts on a whole cluster.
        backend.brokerControl().ifPresent(control -> KitThreads.run(control::startAll));
        context.getStore(NAMESPACE).put(KafkaBackend.class, backend);
        Clients clients = context.getStore(NAMESPACE).get(Clients.class, Clients.class);
        Cluster cluster = new Cluster(backend, admin(context, backend, brokers), clients);
        context.getStore(NAMESPACE).put(Cluster.class, cluster);
        return cluster;
    }

    private static Backends backends(ExtensionContext context) {
        Optional<Backends> pinned = Backends.pinned();
        if (pinned.isPresent()) {
            return pinned.get();
        }
        // The root store outlives every grader class and is closed when the run ends: one cluster per JVM.
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Backends.class,
                key -> new Backends(BackendChoice.fromSystemProperties(), WORK_DIR), Backends.class);
    }

    private static Admin admin(ExtensionContext context, KafkaBackend backend, int brokers) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("admin-" + brokers,
                key -> new SharedAdmin(Admin.create(Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, backend.bootstrapServers()))),
                SharedAdmin.class).admin();
    }

    private static Grader grader(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Grader grader = testClass.getAnnotation(Grader.class);
        if (grader == null) {
            throw new IllegalStateException(testClass.getName() + " uses the workbook extension without @Grader");
        }
        return grader;
    }

    /** Closes the shared admin client, within a bound, when the run ends. */
    private record SharedAdmin(Admin admin) implements AutoCloseable {
        @Override
        public void close() {
            Clients.closeBounded(admin);
        }
    }
}
