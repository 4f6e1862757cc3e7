package dev.kafkaworkbook.kit.grading;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Properties;
import java.util.concurrent.Callable;

/** A learner's producer configuration as {@code KafkaProducer} itself would read it. */
public final class ProducerConfigs {

    private ProducerConfigs() {
    }

    /**
     * Calls the learner's configuration method under the key {@code config.hang} (the grader's text, else the kit's)
     * and fails with {@code config.null} when it returns null.
     */
    public static Properties fromLearner(Feedback feedback, Callable<Properties> configMethod) {
        Properties config = feedback.call("config.hang", configMethod);
        feedback.expect("config.null", config != null, "Properties", null);
        return config;
    }

    /**
     * One setting as the client reads it: the learner's value parsed to its type ({@code "5"} and {@code 5} alike),
     * or the client's default. Only this setting is judged: a row about {@code retries} passes or fails on
     * {@code retries}, whatever is wrong elsewhere. A value the client rejects fails with {@code config.invalid}.
     *
     * @throws IllegalArgumentException when {@code key} is not a producer setting (a grader defect)
     */
    public static Object setting(Properties learner, String key, Feedback feedback) {
        ConfigDef.ConfigKey definition = ProducerConfig.configDef().configKeys().get(key);
        if (definition == null) {
            throw new IllegalArgumentException(key + " is not a producer setting");
        }
        Object raw = learner.get(key);
        try {
            Object value = raw == null ? definition.defaultValue : ConfigDef.parseType(key, raw, definition.type);
            if (definition.validator != null) {
                definition.validator.ensureValid(key, value);
            }
            return value;
        } catch (ConfigException rejected) {
            throw feedback.wrong("config.invalid", feedback.text("config.invalid.expected"), rejected.getMessage());
        }
    }

    /** A numeric setting as the client reads it (see {@link #setting}). */
    public static long number(Properties learner, String key, Feedback feedback) {
        return ((Number) setting(learner, key, feedback)).longValue();
    }

    /** A boolean setting as the client reads it: {@code true} and {@code "true"} alike (see {@link #setting}). */
    public static boolean flag(Properties learner, String key, Feedback feedback) {
        return (Boolean) setting(learner, key, feedback);
    }

    /** {@code acks} as the client reads it, {@code "all"} written as {@code -1}. */
    public static String acks(Properties learner, Feedback feedback) {
        String acks = String.valueOf(setting(learner, ProducerConfig.ACKS_CONFIG, feedback)).trim();
        return "all".equalsIgnoreCase(acks) ? "-1" : acks;
    }

    /**
     * {@code acks=all}, set explicitly: the durable producer's first rule, judged under the keys {@code acks.explicit}
     * (not set: a default is one line away from {@code acks=1}) and {@code acks}.
     */
    public static void expectAcksAll(Properties learner, Feedback feedback) {
        feedback.expect("acks.explicit", learner.containsKey(ProducerConfig.ACKS_CONFIG), "acks=all", feedback.text("notSet"));
        feedback.expect("acks", "-1".equals(acks(learner, feedback)), "acks=all (-1)",
                "acks=" + learner.get(ProducerConfig.ACKS_CONFIG));
    }

    /** {@code enable.idempotence=true}, set explicitly, judged under {@code idempotence.explicit} and {@code idempotence}. */
    public static void expectIdempotent(Properties learner, Feedback feedback) {
        feedback.expect("idempotence.explicit", learner.containsKey(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG),
                "enable.idempotence=true", feedback.text("notSet"));
        feedback.expect("idempotence", flag(learner, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, feedback),
                "enable.idempotence=true", "enable.idempotence=" + learner.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
    }

    /**
     * The whole effective configuration, for a check that builds a producer from it: defaults filled in, idempotence
     * decided (an unset {@code enable.idempotence} turns off when {@code acks} or {@code retries} conflict). Serializers
     * default to strings, as the exercises pass theirs to the constructor.
     *
     * <p>A configuration {@code KafkaProducer} would refuse fails the check with {@code config.invalid} and the
     * client's own reason.
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
