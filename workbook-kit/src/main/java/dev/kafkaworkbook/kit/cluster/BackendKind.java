package dev.kafkaworkbook.kit.cluster;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where the graders find Kafka; chosen with {@code -Dworkbook.backend}. */
public enum BackendKind {
    /** Real brokers in KRaft mode inside the test JVM: the default, needs nothing but Maven. */
    EMBEDDED,
    /** One broker in the {@code apache/kafka} container image: needs a running Docker engine. */
    TESTCONTAINERS,
    /** A cluster the learner already runs, reached through {@code -Dworkbook.bootstrap=host:port}. */
    EXTERNAL;

    public String propertyValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static BackendKind parse(String value) {
        for (BackendKind kind : values()) {
            if (kind.propertyValue().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("-D" + BackendChoice.BACKEND + "=" + value + " is not a backend; use one of: "
                + Arrays.stream(values()).map(BackendKind::propertyValue).collect(Collectors.joining(", ")) + ".");
    }
}
