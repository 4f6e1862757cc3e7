package dev.kafkaworkbook.consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.util.Properties;

/** Variant, not a reference solution of exercise 2.1. */
public final class ManualCommitConfig {

    private ManualCommitConfig() {
    }

    public static Properties config(String bootstrapServers, String groupId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // Commit by hand, after processing: auto-commit would commit polled records, processed or not.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
        // A new group must not skip the logs written before it first started.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, LogEventDeserializer.class);
        return config;
    }

    public static KafkaConsumer<String, LogEvent> createConsumer(String bootstrapServers, String groupId) {
        return new KafkaConsumer<>(config(bootstrapServers, groupId));
    }
}
