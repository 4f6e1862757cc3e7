package dev.kafkaworkbook.kit.cluster;

import java.time.Duration;
import java.util.Optional;

/** A running Kafka cluster the graders talk to. Closing it stops what the kit started, nothing more. */
public interface KafkaBackend extends AutoCloseable {

    BackendKind kind();

    String bootstrapServers();

    /** Brokers in the cluster, or 0 where the kit cannot know (an external cluster). */
    int brokerCount();

    /** Present where graders may stop and start brokers: the embedded backend only. */
    Optional<BrokerControl> brokerControl();

    /** What the scorecard says of this cluster, in the learner's language. */
    Description description();

    /**
     * @param where    the Kafka version (embedded), the image (container) or the address (external)
     * @param brokers  brokers in the cluster, 0 where unknown
     * @param startup  how long the kit took to start it, where the kit started it
     */
    record Description(BackendKind kind, String where, int brokers, Optional<Duration> startup) {
    }

    @Override
    void close();
}
