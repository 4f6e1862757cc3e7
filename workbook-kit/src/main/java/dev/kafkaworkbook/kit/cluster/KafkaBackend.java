package dev.kafkaworkbook.kit.cluster;

import java.util.Optional;

/** A running Kafka cluster the graders talk to. Closing it stops what the kit started, nothing more. */
public interface KafkaBackend extends AutoCloseable {

    BackendKind kind();

    String bootstrapServers();

    /** Brokers in the cluster, or 0 where the kit cannot know (an external cluster). */
    int brokerCount();

    /** Present where graders may stop and start brokers: the embedded backend only. */
    Optional<BrokerControl> brokerControl();

    /** One line for the scorecard header, e.g. {@code embedded Kafka 4.3.1, 1 broker, started in 2.4 s}. */
    String describe();

    @Override
    void close();
}
