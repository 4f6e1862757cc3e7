package dev.kafkaworkbook.kit.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The backend the system properties ask for, and the switches that asked ({@link #selectedBy()}, e.g.
 * {@code -Dworkbook.bootstrap=host:9092}; empty for the default), so that advice names what was typed. Pure parsing,
 * so the rules are unit-tested without Kafka:
 * <ul>
 *   <li>no {@code workbook.backend}: {@code external} when {@code workbook.bootstrap} is set, else {@code embedded};</li>
 *   <li>{@code external} needs {@code workbook.bootstrap}; the other backends refuse it rather than ignore it;</li>
 *   <li>{@code testcontainers} runs {@code workbook.image}, by default {@code apache/kafka} at the workbook's Kafka version.</li>
 * </ul>
 */
public record BackendChoice(BackendKind kind, Optional<String> bootstrapServers, String image, String selectedBy) {

    public static final String BACKEND = "workbook.backend";
    public static final String BOOTSTRAP = "workbook.bootstrap";
    public static final String IMAGE = "workbook.image";
    public static final String KAFKA_VERSION = "workbook.kafkaVersion";

    public BackendChoice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(selectedBy, "selectedBy");
    }

    /** A choice made with no switch but the given ones, for tests. */
    public BackendChoice(BackendKind kind, Optional<String> bootstrapServers, String image) {
        this(kind, bootstrapServers, image, "");
    }

    /** Reads the choice from the JVM's system properties. */
    public static BackendChoice fromSystemProperties() {
        Map<String, String> properties = new java.util.HashMap<>();
        System.getProperties().forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
        return from(properties, org.apache.kafka.common.utils.AppInfoParser.getVersion());
    }

    /**
     * @param properties        the system properties (blank values count as absent)
     * @param clientKafkaVersion the kafka-clients version on the class path, for the default image tag
     * @throws IllegalArgumentException with one sentence that says how to fix the command line
     */
    public static BackendChoice from(Map<String, String> properties, String clientKafkaVersion) {
        Optional<String> backend = value(properties, BACKEND);
        Optional<String> bootstrap = value(properties, BOOTSTRAP);
        BackendKind kind = backend.map(BackendKind::parse)
                .orElse(bootstrap.isPresent() ? BackendKind.EXTERNAL : BackendKind.EMBEDDED);
        if (kind == BackendKind.EXTERNAL && bootstrap.isEmpty()) {
            throw new IllegalArgumentException("The external backend needs the address of your cluster: add -D"
                    + BOOTSTRAP + "=host:9092.");
        }
        if (kind != BackendKind.EXTERNAL && bootstrap.isPresent()) {
            throw new IllegalArgumentException("-D" + BOOTSTRAP + " only applies to the external backend, but -D"
                    + BACKEND + "=" + kind.propertyValue() + " was given: drop one of the two.");
        }
        String version = value(properties, KAFKA_VERSION).orElse(clientKafkaVersion);
        String image = value(properties, IMAGE).orElse("apache/kafka:" + version);
        List<String> switches = new ArrayList<>();
        backend.ifPresent(value -> switches.add("-D" + BACKEND + "=" + value));
        bootstrap.ifPresent(value -> switches.add("-D" + BOOTSTRAP + "=" + value));
        return new BackendChoice(kind, bootstrap, image, String.join(" ", switches));
    }

    private static Optional<String> value(Map<String, String> properties, String key) {
        return Optional.ofNullable(properties.get(key)).map(String::trim).filter(v -> !v.isEmpty());
    }
}
