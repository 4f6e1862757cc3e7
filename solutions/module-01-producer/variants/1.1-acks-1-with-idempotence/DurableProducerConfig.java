package dev.kafkaworkbook.producer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Properties;

public final class DurableProducerConfig {

    private DurableProducerConfig() {
    }

    public static Properties durableConfig(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "1");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        config.put(ProducerConfig.RETRIES_CONFIG, "10");
        config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "500");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
        return config;
    }

    public static KafkaProducer<String, String> createProducer(String bootstrapServers) {
        return new KafkaProducer<>(durableConfig(bootstrapServers), new StringSerializer(), new StringSerializer());
    }
}
