package dev.kafkaworkbook.kit.grading;

import dev.kafkaworkbook.kit.cluster.BackendChoice;
import dev.kafkaworkbook.kit.cluster.BackendKind;
import dev.kafkaworkbook.kit.cluster.Backends;
import dev.kafkaworkbook.kit.cluster.BrokerControl;
import dev.kafkaworkbook.kit.cluster.KafkaBackend;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;
import java.util.Map;

/**
 * The JUnit side of a {@link Grader}: starts (once per JVM) the cluster the grader asks for, hands each check
 * its {@link Cluster}, {@link TestData} and {@link Feedback}, and after each check closes the clients it
 * opened and restarts any broker it stopped.
 */
public final class WorkbookExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(WorkbookExtension.class);
    /** Cluster data lives here, beside the module's other build output, and is deleted when the run ends. */
    private static final Path WORK_DIR = Path.of("target", "workbook-kafka");

    @Override
    public void beforeEach(ExtensionContext context) {
        Grader grader = grader(context);
        BackendChoice choice = backends(context).choice();
        Assumptions.assumeTrue(grader.brokers() == 1 || choice.kind() == BackendKind.EMBEDDED,
                () -> Texts.kit().get("skipped.brokers", grader.brokers(), choice.kind().propertyValue()));
        context.getStore(NAMESPACE).put(Clients.class, new Clients());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Clients clients = context.getStore(NAMESPACE).remove(Clients.class, Clients.class);
        if (clients != null) {
            clients.close();
        }
        KafkaBackend started = context.getStore(NAMESPACE).remove(KafkaBackend.class, KafkaBackend.class);
        if (started != null) {
            started.brokerControl().ifPresent(BrokerControl::startAll);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Cluster.class || type == TestData.class || type == Feedback.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == TestData.class) {
            return new TestData(GradingRun.current().seed(), context.getUniqueId());
        }
        if (type == Feedback.class) {
            Class<?> graderClass = context.getRequiredTestClass();
            return new Feedback(Texts.of(graderClass), Texts.kit(), grader(context).exercise());
        }
        return cluster(context);
    }

    private Cluster cluster(ExtensionContext context) {
        int brokers = grader(context).brokers();
        KafkaBackend backend = backends(context).withBrokers(brokers);
        GradingRun.current().clusterUsed(String.valueOf(brokers), backend.describe());
        // A previous check may have failed with brokers down: every check starts on a whole cluster.
        backend.brokerControl().ifPresent(BrokerControl::startAll);
        context.getStore(NAMESPACE).put(KafkaBackend.class, backend);
        Clients clients = context.getStore(NAMESPACE).get(Clients.class, Clients.class);
        return new Cluster(backend, admin(context, backend, brokers), clients);
    }

    private static Backends backends(ExtensionContext context) {
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
