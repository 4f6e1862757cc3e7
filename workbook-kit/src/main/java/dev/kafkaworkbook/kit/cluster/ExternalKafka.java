package dev.kafkaworkbook.kit.cluster;

import java.util.Optional;

/** A cluster the learner runs; the kit only connects to it and never stops it. */
public final class ExternalKafka implements KafkaBackend {

    private final String bootstrapServers;

    public ExternalKafka(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
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
        return 0;
    }

    @Override
    public Optional<BrokerControl> brokerControl() {
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "external cluster at " + bootstrapServers;
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
