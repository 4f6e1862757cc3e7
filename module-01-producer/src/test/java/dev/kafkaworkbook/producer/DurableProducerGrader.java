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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Future;

import static org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG;
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

    private static final Duration LEARNER_CALL = Duration.ofSeconds(20);
    private static final long MAX_DELIVERY_TIMEOUT_MS = 60_000;

    @Order(1)
    @Check
    void waitsForEveryInSyncReplica(TestData data, Feedback feedback) {
        Properties config = learnerConfig(data, feedback);
        feedback.expect("acks.explicit", config.containsKey(ACKS_CONFIG), "acks=all", feedback.text("notSet"));
        String acks = ProducerConfigs.effective(config, feedback).getString(ACKS_CONFIG);
        feedback.expect("acks", "-1".equals(acks) || "all".equalsIgnoreCase(acks), "acks=all (-1)", "acks=" + config.get(ACKS_CONFIG));
    }

    @Order(2)
    @Check
    void isIdempotentWithOrderedInFlightRequests(TestData data, Feedback feedback) {
        Properties config = learnerConfig(data, feedback);
        feedback.expect("idempotence.explicit", config.containsKey(ENABLE_IDEMPOTENCE_CONFIG),
                "enable.idempotence=true", feedback.text("notSet"));
        ProducerConfig effective = ProducerConfigs.effective(config, feedback);
        feedback.expect("idempotence", effective.getBoolean(ENABLE_IDEMPOTENCE_CONFIG),
                "enable.idempotence=true", "enable.idempotence=" + config.get(ENABLE_IDEMPOTENCE_CONFIG));
        int inFlight = effective.getInt(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
        feedback.expect("inFlight", inFlight >= 1 && inFlight <= 5, "1 <= max.in.flight.requests.per.connection <= 5",
                MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION + "=" + inFlight);
    }

    @Order(3)
    @Check
    void retriesWithBackoff(TestData data, Feedback feedback) {
        Properties config = learnerConfig(data, feedback);
        ProducerConfig effective = ProducerConfigs.effective(config, feedback);
        int retries = effective.getInt(RETRIES_CONFIG);
        feedback.expect("retries", retries > 0, "retries > 0", RETRIES_CONFIG + "=" + retries);
        feedback.expect("backoff.explicit", config.containsKey(RETRY_BACKOFF_MS_CONFIG),
                "100 <= retry.backoff.ms <= 1000", feedback.text("notSet"));
        long backoff = effective.getLong(RETRY_BACKOFF_MS_CONFIG);
        feedback.expect("backoff", backoff >= 100 && backoff <= 1_000, "100 <= retry.backoff.ms <= 1000",
                RETRY_BACKOFF_MS_CONFIG + "=" + backoff);
    }

    @Order(4)
    @Check
    void deliveryTimeoutBoundsTheRetries(TestData data, Feedback feedback) {
        Properties config = learnerConfig(data, feedback);
        feedback.expect("deliveryTimeout.explicit", config.containsKey(DELIVERY_TIMEOUT_MS_CONFIG),
                "delivery.timeout.ms <= 60000", feedback.text("notSet"));
        ProducerConfig effective = ProducerConfigs.effective(config, feedback);
        int deliveryTimeout = effective.getInt(DELIVERY_TIMEOUT_MS_CONFIG);
        long floor = (long) effective.getInt(REQUEST_TIMEOUT_MS_CONFIG) + effective.getLong(LINGER_MS_CONFIG);
        feedback.expect("deliveryTimeout", deliveryTimeout <= MAX_DELIVERY_TIMEOUT_MS && deliveryTimeout >= floor,
                floor + " <= delivery.timeout.ms <= " + MAX_DELIVERY_TIMEOUT_MS, DELIVERY_TIMEOUT_MS_CONFIG + "=" + deliveryTimeout);
    }

    @Order(5)
    @Check(points = 2)
    void theBrokerSeesAnIdempotentProducer(Cluster cluster, TestData data, Feedback feedback) {
        String topic = cluster.createTopic("durable", 3);
        KafkaProducer<String, String> producer = cluster.closeAfterCheck(feedback.call("create.hang", LEARNER_CALL,
                () -> DurableProducerConfig.createProducer(cluster.bootstrapServers())));
        int count = data.between(20, 60);
        Map<Integer, Integer> writtenPerPartition = new TreeMap<>();
        feedback.run("send.hang", LEARNER_CALL, () -> {
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
        Properties config = feedback.call("config.hang", LEARNER_CALL, () -> DurableProducerConfig.durableConfig(bootstrap));
        feedback.expect("config.null", config != null, "Properties", null);
        feedback.expectEqual("bootstrap", bootstrap, config.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        return config;
    }
}
