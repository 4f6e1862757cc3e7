package dev.kafkaworkbook.operations;

import dev.kafkaworkbook.kit.cluster.BrokerControl;
import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.TestData;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Grades exercise 4.3 on a cluster of three brokers: where the learner's change landed (the topic's own configuration,
 * not the brokers'), and what it does: with the topic's three replicas in sync, or two, an {@code acks=all} write is
 * acknowledged; with one left (the grader stops the two followers), the leader refuses it.
 */
@Grader(exercise = "4.3", brokers = 3)
class MinInsyncReplicasGrader {

    @Order(1)
    @Check
    void setOnTheTopicAndNowhereElse(Cluster cluster, TestData data, Feedback feedback) throws Exception {
        // A setting of its own the topic already has, which --add-config leaves alone.
        String retention = String.valueOf(data.between(2, 48) * 3_600_000L);
        String topic = cluster.createTopic("consistency", data.between(1, 3), 3, Map.of(TopicConfig.RETENTION_MS_CONFIG, retention));
        try (BrokerSettings brokers = BrokerSettings.of(cluster, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)) {
            raise(cluster, topic, feedback);
            ConfigEntry onTopic = TopicSettings.awaitOwn(cluster, topic, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
            List<String> changed = brokers.changed();
            feedback.expect("onBroker", changed.isEmpty(), feedback.text("onBroker.expected", topic), changed);
            feedback.expect("minInsync", TopicSettings.isOwn(onTopic, "2"), feedback.text("minInsync.expected", topic),
                    TopicSettings.show(onTopic));
            ConfigEntry kept = TopicSettings.entry(cluster, topic, TopicConfig.RETENTION_MS_CONFIG);
            feedback.expect("kept", TopicSettings.isOwn(kept, retention),
                    TopicConfig.RETENTION_MS_CONFIG + "=" + retention + " (DYNAMIC_TOPIC_CONFIG)", TopicSettings.show(kept));
        }
    }

    @Order(2)
    @Check(points = 2)
    void acksAllIsRefusedWithOneReplicaInSyncOnly(Cluster cluster, TestData data, Feedback feedback) throws Exception {
        BrokerControl brokers = cluster.brokers().orElseThrow();
        List<Integer> replicas = new ArrayList<>(brokers.runningBrokers());
        java.util.Collections.shuffle(replicas, data.random());
        String topic = cluster.createTopic("consistency", Map.of(0, replicas), Map.of());
        TopicPartition partition = new TopicPartition(topic, 0);
        KafkaProducer<String, String> producer = cluster.producer(new StringSerializer(), new StringSerializer(), Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                // One attempt per write: a refusal comes back at once instead of being retried until a timeout.
                ProducerConfig.RETRIES_CONFIG, 0,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000));

        try (BrokerSettings untouched = BrokerSettings.of(cluster, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)) {
            raise(cluster, topic, feedback);
            TopicSettings.awaitEffective(cluster, topic, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
            try {
                String three = write(producer, partition, data);
                feedback.expect("refusedWithThree", three == null, feedback.text("accepted", 3), feedback.text("refused", 3, three));
                brokers.stop(replicas.get(1));
                awaitInSync(cluster, partition, 2);
                String two = write(producer, partition, data);
                feedback.expect("refusedWithTwo", two == null, feedback.text("accepted", 2), feedback.text("refused", 2, two));
                brokers.stop(replicas.get(2));
                awaitInSync(cluster, partition, 1);
                String one = write(producer, partition, data);
                feedback.expect("acceptedWithOne", one != null && one.startsWith(NotEnoughReplicasException.class.getSimpleName()),
                        feedback.text("refused", 1, NotEnoughReplicasException.class.getSimpleName()),
                        one == null ? feedback.text("accepted", 1) : feedback.text("refused", 1, one));
            } finally {
                // Every broker back before a setting the learner's code put on one of them is undone.
                brokers.startAll();
            }
        }
    }

    /**
     * Runs the learner's change. A change aimed at one broker's own min.insync.replicas is refused by a cluster with
     * eligible leader replicas (ELR, on in production clusters): that refusal is the learner's answer, told as such.
     */
    static void raise(Cluster cluster, String topic, Feedback feedback) throws Exception {
        try {
            feedback.run("raise.hang", () -> ConsistencyUpgrade.requireTwoInSyncReplicas(cluster.admin(), topic));
        } catch (Exception thrown) {
            for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidConfigurationException refused && String.valueOf(refused.getMessage()).contains("Broker-level")) {
                    throw feedback.wrong("onBroker.refused", feedback.text("onBroker.expected", topic), refused.getMessage());
                }
            }
            throw thrown;
        }
    }

    /** Writes one record with acks=all: null when acknowledged, else the simple name of the error and its message. */
    private static String write(KafkaProducer<String, String> producer, TopicPartition partition, TestData data) {
        try {
            producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), data.id("key"), data.id("value")))
                    .get(10, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
        } catch (Exception e) {
            throw new IllegalStateException("The grader's write did not complete: " + e, e);
        }
    }

    private static void awaitInSync(Cluster cluster, TopicPartition partition, int inSync) {
        await("ISR of " + partition + " down to " + inSync).atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> cluster.describe(partition.topic()).partitions().get(partition.partition()).isr().stream()
                        .map(Node::id).count() == inSync);
    }
}
