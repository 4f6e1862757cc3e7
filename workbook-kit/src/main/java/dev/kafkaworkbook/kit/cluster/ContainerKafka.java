package dev.kafkaworkbook.kit.cluster;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.util.Optional;

/** One broker in the {@code apache/kafka} image, for learners who prefer a container. */
public final class ContainerKafka implements KafkaBackend {

    private final KafkaContainer container;
    private final Duration startup;

    private ContainerKafka(KafkaContainer container, Duration startup) {
        this.container = container;
        this.startup = startup;
    }

    public static ContainerKafka start(String image) {
        if (!dockerAvailable()) {
            throw new BackendUnavailableException("noDocker", java.util.List.of(),
                    "-Dworkbook.backend=testcontainers needs a running Docker engine and none answered here; run without"
                            + " -Dworkbook.backend to use the embedded broker, which needs no Docker.");
        }
        long began = System.nanoTime();
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("apache/kafka"))
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        container.start();
        return new ContainerKafka(container, Duration.ofNanos(System.nanoTime() - began));
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public BackendKind kind() {
        return BackendKind.TESTCONTAINERS;
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public int brokerCount() {
        return 1;
    }

    @Override
    public Optional<BrokerControl> brokerControl() {
        return Optional.empty();
    }

    @Override
    public Description description() {
        return new Description(BackendKind.TESTCONTAINERS, container.getDockerImageName(), 1, Optional.of(startup));
    }

    @Override
    public void close() {
        container.stop();
    }
}
