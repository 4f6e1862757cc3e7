package dev.kafkaworkbook.kit.cluster;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clusters of one test JVM: started on first use, shared by every grader of the module, closed at the end.
 * Single-broker graders share one cluster; graders that stop brokers get their own multi-broker cluster.
 */
public final class Backends implements AutoCloseable {

    private final BackendChoice choice;
    private final Path workDir;
    private final Map<Integer, KafkaBackend> byBrokerCount = new ConcurrentHashMap<>();

    public Backends(BackendChoice choice, Path workDir) {
        this.choice = choice;
        this.workDir = workDir;
    }

    public BackendChoice choice() {
        return choice;
    }

    /**
     * A cluster of at least {@code brokers} brokers.
     *
     * @throws BackendUnavailableException where the chosen backend cannot provide one
     */
    public synchronized KafkaBackend withBrokers(int brokers) {
        KafkaBackend existing = byBrokerCount.get(brokers);
        if (existing != null) {
            return existing;
        }
        KafkaBackend started = switch (choice.kind()) {
            case EMBEDDED -> EmbeddedKafkaCluster.start(brokers, workDir);
            case TESTCONTAINERS -> single(brokers, () -> ContainerKafka.start(choice.image()));
            case EXTERNAL -> single(brokers, () -> new ExternalKafka(choice.bootstrapServers().orElseThrow()));
        };
        byBrokerCount.put(brokers, started);
        return started;
    }

    private KafkaBackend single(int brokers, java.util.function.Supplier<KafkaBackend> start) {
        if (brokers > 1) {
            throw new BackendUnavailableException("This check needs " + brokers + " brokers it can stop and restart,"
                    + " which only the embedded backend provides (the " + choice.kind().propertyValue() + " backend does not).");
        }
        return start.get();
    }

    @Override
    public synchronized void close() {
        byBrokerCount.values().forEach(KafkaBackend::close);
        byBrokerCount.clear();
    }
}
