package dev.kafkaworkbook.kit.cluster;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class BackendChoiceTest {

    private static BackendChoice choose(Map<String, String> properties) {
        return BackendChoice.from(properties, "4.3.1");
    }

    @Test
    void embeddedByDefault() {
        assertThat(choose(Map.of())).isEqualTo(new BackendChoice(BackendKind.EMBEDDED, Optional.empty(), "apache/kafka:4.3.1", ""));
    }

    @Test
    void aBootstrapAloneMeansExternal() {
        BackendChoice choice = choose(Map.of("workbook.bootstrap", "broker:9092"));
        assertThat(choice.kind()).isEqualTo(BackendKind.EXTERNAL);
        assertThat(choice.bootstrapServers()).contains("broker:9092");
    }

    @Test
    void backendNamesIgnoreCaseAndSpaces() {
        assertThat(choose(Map.of("workbook.backend", " TestContainers ")).kind()).isEqualTo(BackendKind.TESTCONTAINERS);
        assertThat(choose(Map.of("workbook.backend", "embedded")).kind()).isEqualTo(BackendKind.EMBEDDED);
    }

    @Test
    void blankValuesCountAsAbsent() {
        assertThat(choose(Map.of("workbook.backend", " ", "workbook.bootstrap", "")).kind()).isEqualTo(BackendKind.EMBEDDED);
    }

    @Test
    void theImageFollowsTheWorkbooksKafkaVersionUnlessGiven() {
        assertThat(choose(Map.of("workbook.backend", "testcontainers", "workbook.kafkaVersion", "4.1.0")).image())
                .isEqualTo("apache/kafka:4.1.0");
        assertThat(choose(Map.of("workbook.backend", "testcontainers", "workbook.image", "apache/kafka-native:4.3.1")).image())
                .isEqualTo("apache/kafka-native:4.3.1");
    }

    @Test
    void externalWithoutBootstrapSaysWhatToAdd() {
        assertThatThrownBy(() -> choose(Map.of("workbook.backend", "external")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dworkbook.bootstrap=host:9092");
    }

    @Test
    void aBootstrapWithAnotherBackendIsRefusedNotIgnored() {
        assertThatThrownBy(() -> choose(Map.of("workbook.backend", "embedded", "workbook.bootstrap", "x:9092")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only applies to the external backend");
    }

    @Test
    void anUnknownBackendListsTheKnownOnes() {
        assertThatThrownBy(() -> choose(Map.of("workbook.backend", "docker")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("embedded, testcontainers, external");
    }

    @Test
    void multiBrokerChecksAreRefusedOutsideTheEmbeddedBackend() {
        try (Backends backends = new Backends(choose(Map.of("workbook.bootstrap", "localhost:1")), java.nio.file.Path.of("target"))) {
            assertThatThrownBy(() -> backends.withBrokers(3))
                    .isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("only the embedded backend");
        }
    }

    @Test
    void anUnreachableExternalClusterIsToldOnceAndAtOnceAfterwards() {
        try (Backends backends = new Backends(choose(Map.of("workbook.bootstrap", "127.0.0.1:1")), java.nio.file.Path.of("target"))) {
            long began = System.nanoTime();
            BackendUnavailableException first = (BackendUnavailableException) catchThrowable(() -> backends.withBrokers(1));
            assertThat(first.key()).isEqualTo("unreachable");
            assertThat((System.nanoTime() - began) / 1e9).as("the probe's bound").isLessThan(8);
            long again = System.nanoTime();
            assertThat(catchThrowable(() -> backends.withBrokers(1))).isSameAs(first);
            assertThat((System.nanoTime() - again) / 1e6).as("the second check does not wait again").isLessThan(100);
        }
    }
}
