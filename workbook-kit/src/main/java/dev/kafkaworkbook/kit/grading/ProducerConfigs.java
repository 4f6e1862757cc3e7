package dev.kafkaworkbook.kit.grading;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Properties;

/** A learner's producer configuration as {@code KafkaProducer} itself would resolve it. */
public final class ProducerConfigs {

    private ProducerConfigs() {
    }

    /**
     * The effective configuration: defaults filled in, {@code "all"} read as {@code -1}, idempotence decided (an
     * unset {@code enable.idempotence} turns off when {@code acks} or {@code retries} conflict), so that every way
     * of writing a right answer is read alike. Serializers default to strings, as the exercises pass theirs to the
     * constructor.
     *
     * <p>A configuration {@code KafkaProducer} would refuse fails the check with the grader's {@code config.invalid}
     * texts ({@code config.invalid.title}, {@code .hint}, {@code .expected}) and the client's own reason.
     */
    public static ProducerConfig effective(Properties learner, Feedback feedback) {
        Properties config = new Properties();
        config.putAll(learner);
        config.putIfAbsent(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.putIfAbsent(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        ProducerConfig effective;
        try {
            effective = new ProducerConfig(config);
        } catch (ConfigException rejected) {
            throw feedback.wrong("config.invalid", feedback.text("config.invalid.expected"), rejected.getMessage());
        }
        // The one rule KafkaProducer's constructor adds: an explicit delivery timeout must cover linger + request.
        long floor = effective.getLong(ProducerConfig.LINGER_MS_CONFIG) + effective.getInt(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
        int deliveryTimeout = effective.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        feedback.expect("config.invalid", !config.containsKey(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG) || deliveryTimeout >= floor,
                feedback.text("config.invalid.expected"),
                "delivery.timeout.ms=" + deliveryTimeout + " < linger.ms + request.timeout.ms = " + floor);
        return effective;
    }
}
