package dev.kafkaworkbook.producer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reference solution of exercise 1.6 — Surviving a broker failure. */
public final class CriticalSensorProducer {

    private CriticalSensorProducer() {
    }

    public static void createTopic(Admin admin, String name, int partitions) {
        // Three copies of every partition; an acks=all write needs two of them before it counts.
        NewTopic topic = new NewTopic(name, partitions, (short) 3)
                .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"));
        try {
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create " + name, e);
        }
    }

    public static Properties config(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // A write counts once every in-sync replica has it: a new leader elected from the ISR has it too.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // The broker drops a batch it already has, so a retry after a lost acknowledgement is not a duplicate,
        // and sequence numbers keep the order of a partition across retries.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // Retry while the partition has no leader, for up to a minute in all.
        config.put(ProducerConfig.RETRIES_CONFIG, 0);
        config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 100);
        config.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 1_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        return config;
    }

    public static KafkaProducer<String, String> createProducer(String bootstrapServers) {
        return new KafkaProducer<>(config(bootstrapServers), new StringSerializer(), new StringSerializer());
    }
}
