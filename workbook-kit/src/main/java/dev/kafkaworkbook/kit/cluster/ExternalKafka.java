package dev.kafkaworkbook.kit.cluster;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A cluster the learner runs; the kit only connects to it and never stops it. */
public final class ExternalKafka implements KafkaBackend {

    /** How long the cluster has to answer once, when grading starts. */
    static final Duration PROBE = Duration.ofSeconds(5);

    private final String bootstrapServers;
    private final int brokers;

    private ExternalKafka(String bootstrapServers, int brokers) {
        this.bootstrapServers = bootstrapServers;
        this.brokers = brokers;
    }

    /**
     * Asks the cluster once for its brokers, within {@link #PROBE}.
     *
     * @throws BackendUnavailableException in one sentence, when it does not answer
     */
    public static ExternalKafka connect(String bootstrapServers) {
        int timeoutMs = (int) PROBE.toMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs))) {
            int brokers = admin.describeCluster().nodes().get(timeoutMs + 1_000L, TimeUnit.MILLISECONDS).size();
            return new ExternalKafka(bootstrapServers, brokers);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unreachable(bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(bootstrapServers, e);
        }
    }

    private static BackendUnavailableException unreachable(String bootstrapServers, Exception cause) {
        return new BackendUnavailableException("unreachable", List.of(bootstrapServers, PROBE.toSeconds()),
                "The Kafka cluster at " + bootstrapServers + " (-D" + BackendChoice.BOOTSTRAP + ") did not answer within "
                        + PROBE.toSeconds() + " s; start it or correct the address.", cause);
    }

    @Override
    public BackendKind kind() {
        return BackendKind.EXTERNAL;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public int brokerCount() {
        return brokers;
    }

    @Override
    public Optional<BrokerControl> brokerControl() {
        return Optional.empty();
    }

    @Override
    public Description description() {
        return new Description(BackendKind.EXTERNAL, bootstrapServers, brokers, Optional.empty());
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
