package dev.kafkaworkbook.kit.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clusters of one test JVM: started on first use, shared by every grader of the module, closed at the end.
 * Single-broker graders share one cluster; graders that stop brokers get their own multi-broker cluster. A backend
 * that cannot be had (no Docker, an external cluster that does not answer) is tried once: every later check gets the
 * same one-sentence reason at once, instead of waiting again.
 */
public final class Backends implements AutoCloseable {

    private final BackendChoice choice;
    private final Path workDir;
    private final Map<Integer, KafkaBackend> byBrokerCount = new ConcurrentHashMap<>();
    private final Map<Integer, BackendUnavailableException> unavailable = new ConcurrentHashMap<>();

    private static volatile Backends pinned;

    /**
     * Clusters that outlive one test run: a warm grading session pins them, and every run of the session uses them
     * instead of starting its own (and does not close them when it ends).
     */
    public static void pin(Backends backends) {
        pinned = backends;
    }

    public static java.util.Optional<Backends> pinned() {
        return java.util.Optional.ofNullable(pinned);
    }

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
        if (brokers > 1 && choice.kind() != BackendKind.EMBEDDED) {
            throw new BackendUnavailableException("brokers", List.of(brokers, choice.kind().propertyValue(), choice.selectedBy()),
                    "This check needs " + brokers + " brokers it can stop and restart, which only the embedded backend"
                            + " provides (" + choice.selectedBy() + " chose the " + choice.kind().propertyValue() + " backend).");
        }
        int key = choice.kind() == BackendKind.EMBEDDED ? brokers : 1;
        KafkaBackend existing = byBrokerCount.get(key);
        BackendUnavailableException failed = unavailable.get(key);
        if (failed != null) {
            throw failed;
        }
        if (existing == null) {
            try {
                existing = switch (choice.kind()) {
                    case EMBEDDED -> startEmbedded(brokers);
                    case TESTCONTAINERS -> ContainerKafka.start(choice.image());
                    case EXTERNAL -> ExternalKafka.connect(choice.bootstrapServers().orElseThrow());
                };
            } catch (BackendUnavailableException e) {
                // An embedded cluster that did not start is tried again by the next check; the others are not.
                if (choice.kind() != BackendKind.EMBEDDED) {
                    unavailable.put(key, e);
                }
                throw e;
            }
            byBrokerCount.put(key, existing);
        }
        return existing;
    }

    /**
     * Starts an embedded cluster, once more if the heap was exhausted meanwhile: a learner's runaway allocation in a
     * check running beside this one fails its own check, and its memory is released, but it may have starved this
     * start at the same moment.
     */
    private KafkaBackend startEmbedded(int brokers) {
        try {
            return EmbeddedKafkaCluster.start(brokers, workDir);
        } catch (BackendUnavailableException e) {
            if (!causedByMemory(e)) {
                throw e;
            }
            System.gc();
            return EmbeddedKafkaCluster.start(brokers, workDir);
        }
    }

    private static boolean causedByMemory(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void close() {
        byBrokerCount.values().forEach(KafkaBackend::close);
        byBrokerCount.clear();
    }
}
