package dev.kafkaworkbook.kit.cluster;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedKafkaClusterTest {

    @TempDir
    static Path workDir;
    static EmbeddedKafkaCluster cluster;
    static Admin admin;

    @BeforeAll
    static void start() {
        cluster = EmbeddedKafkaCluster.start(1, workDir);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }

    @AfterAll
    static void stop() {
        admin.close(Duration.ofSeconds(5));
        cluster.close();
    }

    @Test
    void runsTheLatestProductionMetadataVersion() throws Exception {
        FeatureMetadata features = admin.describeFeatures().featureMetadata().get(30, TimeUnit.SECONDS);
        assertThat(features.finalizedFeatures().get(MetadataVersion.FEATURE_NAME).maxVersionLevel())
                .isEqualTo(MetadataVersion.LATEST_PRODUCTION.featureLevel());
    }

    @Test
    void acceptsWritesOnLoopback() throws Exception {
        admin.createTopics(List.of(new NewTopic("smoke", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            RecordMetadata written = producer.send(new ProducerRecord<>("smoke", "k", "v")).get(30, TimeUnit.SECONDS);
            assertThat(written.offset()).isZero();
        }
        assertThat(cluster.bootstrapServers()).startsWith("localhost:");
    }

    @Test
    void theLoopbackSocketFactoryShadowsKafkasOwn() {
        String location = org.apache.kafka.common.test.PreboundSocketFactoryManager.class
                .getProtectionDomain().getCodeSource().getLocation().getPath();
        assertThat(location).as("the kit's copy must come first on the class path").doesNotContain("kafka-test-common-runtime");
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        int port = Integer.parseInt(cluster.bootstrapServers().split(",")[0].split(":")[1]);
        List<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(nic -> !isLoopback(nic))
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> !address.isLinkLocalAddress())
                .toList();
        for (InetAddress address : external) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, port), 1000);
                }
            }).as("broker port %d must not answer on %s", port, address).isInstanceOf(IOException.class);
        }
    }

    private static boolean isLoopback(NetworkInterface nic) {
        try {
            return nic.isLoopback();
        } catch (IOException e) {
            return true;
        }
    }
}
