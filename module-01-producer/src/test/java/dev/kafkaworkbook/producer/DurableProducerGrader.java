package dev.kafkaworkbook.producer;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.ProducerConfigs;
import dev.kafkaworkbook.kit.grading.TestData;
import org.apache.kafka.clients.admin.ProducerState;
import org.junit.jupiter.api.Order;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Future;

import static org.apache.kafka.clients.producer.ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.LINGER_MS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION;
import static org.apache.kafka.clients.producer.ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.RETRIES_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.RETRY_BACKOFF_MS_CONFIG;

/**
 * Grades exercise 1.1 on the producer's effective configuration (as the client itself resolves it, so "all"
 * and "-1", true and "true" are equally right) and on what the broker records of the producer it builds.
 */
@Grader(exercise = "1.1")
class DurableProducerGrader {

    private static final long MAX_DELIVERY_TIMEOUT_MS = 60_000;

    @Order(1)
    @Check
    void waitsForEveryInSyncReplica(TestData data, Feedback feedback) {
        ProducerConfigs.expectAcksAll(learnerConfig(data, feedback), feedback);
    }

    @Order(2)
    @Check
    void isIdempotentWithOrderedInFlightRequests(TestData data, Feedback feedback) {
        Properties config = learnerConfig(data, feedback);
        ProducerConfigs.expectIdempotent(config, feedback);
        feedback.expectInRange("inFlight", MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                ProducerConfigs.number(config, MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, feedback), 1, 5);
    }

    @Order(3)
    @Check
    void retriesWithBackoff(TestData data, Feedback feedback) {
        Properties config = learnerConfig(data, feedback);
        long retries = ProducerConfigs.number(config, RETRIES_CONFIG, feedback);
        feedback.expect("retries", retries > 0, "retries > 0", RETRIES_CONFIG + "=" + retries);
        feedback.expect("backoff.explicit", config.containsKey(RETRY_BACKOFF_MS_CONFIG),
                "100 <= retry.backoff.ms <= 1000", feedback.text("notSet"));
        feedback.expectInRange("backoff", RETRY_BACKOFF_MS_CONFIG,
                ProducerConfigs.number(config, RETRY_BACKOFF_MS_CONFIG, feedback), 100, 1_000);
    }

    @Order(4)
    @Check
    void deliveryTimeoutBoundsTheRetries(TestData data, Feedback feedback) {
        Properties config = learnerConfig(data, feedback);
        feedback.expect("deliveryTimeout.explicit", config.containsKey(DELIVERY_TIMEOUT_MS_CONFIG),
                "delivery.timeout.ms <= 60000", feedback.text("notSet"));
        long floor = ProducerConfigs.number(config, REQUEST_TIMEOUT_MS_CONFIG, feedback)
                + ProducerConfigs.number(config, LINGER_MS_CONFIG, feedback);
        feedback.expectInRange("deliveryTimeout", DELIVERY_TIMEOUT_MS_CONFIG,
                ProducerConfigs.number(config, DELIVERY_TIMEOUT_MS_CONFIG, feedback), floor, MAX_DELIVERY_TIMEOUT_MS);
    }

    @Order(5)
    @Check(points = 2)
    void theBrokerSeesAnIdempotentProducer(Cluster cluster, TestData data, Feedback feedback) {
        // The one check that needs the configuration as a whole: KafkaProducer must accept it.
        ProducerConfigs.effective(learnerConfig(data, feedback), feedback);
        String topic = cluster.createTopic("durable", 3);
        KafkaProducer<String, String> producer = cluster.closeAfterCheck(feedback.call("create.hang",
                () -> DurableProducerConfig.createProducer(cluster.bootstrapServers())));
        int count = data.between(20, 60);
        Map<Integer, Integer> writtenPerPartition = new TreeMap<>();
        feedback.run("send.hang", () -> {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sends.add(producer.send(new ProducerRecord<>(topic, data.id("sensor"), data.trickyText())));
            }
            for (Future<RecordMetadata> send : sends) {
                writtenPerPartition.merge(send.get().partition(), 1, Integer::sum);
            }
        });
        int landed = cluster.readToEnd(topic, new StringDeserializer(), new StringDeserializer()).size();
        feedback.expectEqual("landed", count, landed);

        for (Map.Entry<Integer, Integer> written : writtenPerPartition.entrySet()) {
            TopicPartition partition = new TopicPartition(topic, written.getKey());
            List<ProducerState> producers = cluster.activeProducers(partition);
            // The broker keeps producer state (id, epoch, sequence) only for idempotent or transactional producers.
            feedback.expect("producerId", producers.size() == 1 && producers.get(0).producerId() >= 0
                            && producers.get(0).lastSequence() == written.getValue() - 1,
                    feedback.text("producerId.expected", partition, written.getValue() - 1),
                    producers.isEmpty() ? feedback.text("producerId.none", partition) : producers);
        }
    }

    private static Properties learnerConfig(TestData data, Feedback feedback) {
        String bootstrap = data.id("broker") + ":9092";
        Properties config = ProducerConfigs.fromLearner(feedback, () -> DurableProducerConfig.durableConfig(bootstrap));
        feedback.expectEqual("bootstrap", bootstrap, config.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        return config;
    }
}
