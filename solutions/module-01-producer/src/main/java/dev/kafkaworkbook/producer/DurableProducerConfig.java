package dev.kafkaworkbook.producer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Properties;

/** Reference solution of exercise 1.1 — Durable producer configuration. */
public final class DurableProducerConfig {

    private DurableProducerConfig() {
    }

    public static Properties durableConfig(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // Every in-sync replica has the record before the send counts as done.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // The broker drops a retried batch it already has: retries cannot duplicate.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // Retry for as long as the delivery timeout allows, backing off from 200 ms up to 1 s.
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 200);
        config.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 1_000);
        // The whole budget of a send, retries included: 45 s >= request.timeout.ms (30 s) + linger.ms (5 ms).
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 45_000);
        return config;
    }

    public static KafkaProducer<String, String> createProducer(String bootstrapServers) {
        return new KafkaProducer<>(durableConfig(bootstrapServers), new StringSerializer(), new StringSerializer());
    }
}
