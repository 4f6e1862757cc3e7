package dev.kafkaworkbook.kit.groups;

import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Texts;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.util.Properties;

/**
 * A learner's consumer configuration as {@code KafkaConsumer} itself reads it: one setting at a time, parsed to its
 * type ({@code "false"} and {@code false} alike) with the client's default where unset, or the whole configuration
 * with the client's own checks (a {@code session.timeout.ms} set under {@code group.protocol=consumer} is refused
 * there, as {@code new KafkaConsumer} would refuse it).
 */
public final class MemberConfigs {

    private static final String TEXTS = "dev.kafkaworkbook.kit.groups.groups";

    private MemberConfigs() {
    }

    /** The grader's feedback, with this package's words ({@code member.invalid}…) where the grader has none. */
    public static Feedback words(Feedback feedback) {
        return feedback.with(Texts.find(TEXTS, MemberConfigs.class.getClassLoader())
                .orElseThrow(() -> new IllegalStateException("No texts " + TEXTS)));
    }

    /**
     * One setting as the consumer reads it, or its default. A value the client rejects fails with {@code member.invalid}.
     *
     * @throws IllegalArgumentException when {@code key} is not a consumer setting (a grader defect)
     */
    public static Object setting(Properties learner, String key, Feedback feedback) {
        ConfigDef.ConfigKey definition = ConsumerConfig.configDef().configKeys().get(key);
        if (definition == null) {
            throw new IllegalArgumentException(key + " is not a consumer setting");
        }
        Object raw = learner.get(key);
        try {
            Object value = raw == null ? definition.defaultValue : ConfigDef.parseType(key, raw, definition.type);
            if (definition.validator != null) {
                definition.validator.ensureValid(key, value);
            }
            return value;
        } catch (ConfigException rejected) {
            Feedback words = words(feedback);
            throw words.wrong("member.invalid", words.text("member.invalid.expected"), rejected.getMessage());
        }
    }

    /**
     * The whole configuration as {@code KafkaConsumer} resolves it; deserializers default to bytes where unset, for
     * checks that judge something else. A configuration the client refuses fails with {@code member.invalid} and the
     * client's own reason.
     */
    public static ConsumerConfig effective(Properties learner, Feedback feedback) {
        Properties config = new Properties();
        config.putAll(learner);
        config.putIfAbsent(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.putIfAbsent(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try {
            return new ConsumerConfig(config);
        } catch (ConfigException rejected) {
            Feedback words = words(feedback);
            throw words.wrong("member.invalid", words.text("member.invalid.expected"), rejected.getMessage());
        }
    }
}
