package dev.kafkaworkbook.producer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Properties;

/** Reference solution of exercise 1.7 — Throughput vs durability. */
public final class ThroughputTuning {

    private ThroughputTuning() {
    }

    public static Properties tunedConfig(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // Wait up to 20 ms for a batch to fill: fewer, fuller requests, and a record still leaves within 20 ms.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        // Up to 128 KiB per partition and batch (the default is 16 KiB).
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        // Whole batches are compressed: repetitive small records shrink a lot, for little CPU with lz4.
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // Throughput is not bought with durability: every in-sync replica, no duplicates on retry.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    public static KafkaProducer<String, String> createProducer(String bootstrapServers) {
        return new KafkaProducer<>(tunedConfig(bootstrapServers), new StringSerializer(), new StringSerializer());
    }
}
