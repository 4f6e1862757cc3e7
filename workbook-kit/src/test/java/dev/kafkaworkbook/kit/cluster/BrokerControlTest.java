package dev.kafkaworkbook.kit.cluster;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BrokerControlTest {

    @TempDir
    Path workDir;

    @Test
    void aStoppedLeaderHandsOverAndRejoinsOnItsOldPort() throws Exception {
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(3, workDir);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            assertThat(cluster.brokerIds()).hasSize(3);
            admin.createTopics(List.of(new NewTopic("replicated", 1, (short) 3))).all().get(30, TimeUnit.SECONDS);
            int leader = await().until(() -> leader(admin), l -> l >= 0);
            String before = cluster.bootstrapServers();

            cluster.stop(leader);
            assertThat(cluster.runningBrokers()).doesNotContain(leader).hasSize(2);
            await().atMost(Duration.ofSeconds(30)).until(() -> leader(admin), l -> l >= 0 && l != leader);

            cluster.startAll();
            assertThat(cluster.runningBrokers()).isEqualTo(Set.copyOf(cluster.brokerIds()));
            assertThat(cluster.bootstrapServers()).isEqualTo(before);
            await().atMost(Duration.ofSeconds(30)).until(() -> isr(admin), isr -> isr == 3);
        }
    }

    private static int leader(Admin admin) throws Exception {
        TopicDescription topic = admin.describeTopics(List.of("replicated")).allTopicNames().get(10, TimeUnit.SECONDS).get("replicated");
        var leader = topic.partitions().get(0).leader();
        return leader == null || leader.isEmpty() ? -1 : leader.id();
    }

    private static int isr(Admin admin) throws Exception {
        return admin.describeTopics(List.of("replicated")).allTopicNames().get(10, TimeUnit.SECONDS)
                .get("replicated").partitions().get(0).isr().size();
    }
}
