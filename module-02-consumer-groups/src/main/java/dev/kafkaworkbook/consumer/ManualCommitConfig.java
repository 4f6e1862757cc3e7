package dev.kafkaworkbook.consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.util.Properties;

/**
 * <b>Exercise 2.1 — Consumer configuration for manual commits.</b>
 *
 * <p>The log-processing service reads the logs its microservice's instances publish. A log line counts as handled
 * only once the service has processed it, so the service commits its offsets itself, after processing, never on a
 * timer. Return the configuration of one of its consumers:
 * <ul>
 *   <li>{@code bootstrap.servers} and the consumer group {@code groupId} ({@link ConsumerConfig#GROUP_ID_CONFIG}):
 *       every instance of the service joins this one group;</li>
 *   <li>no automatic commits ({@link ConsumerConfig#ENABLE_AUTO_COMMIT_CONFIG}), set explicitly: the default commits
 *       whatever {@code poll()} returned every 5 s, processed or not;</li>
 *   <li>where a brand-new group starts reading ({@link ConsumerConfig#AUTO_OFFSET_RESET_CONFIG}): chosen for this use
 *       case, in which a log line written before the service's first start must still be processed;</li>
 *   <li>keys as strings, values as {@link LogEvent}s read from JSON: the given {@link LogEventDeserializer}
 *       ({@link ConsumerConfig#KEY_DESERIALIZER_CLASS_CONFIG}, {@link ConsumerConfig#VALUE_DESERIALIZER_CLASS_CONFIG}).</li>
 * </ul>
 *
 * <p>Statement: {@code module-02-consumer-groups/README.md#21-consumer-configuration-for-manual-commits} (es: {@code README.es.md}).
 */
public final class ManualCommitConfig {

    private ManualCommitConfig() {
    }

    /**
     * @param bootstrapServers the cluster, e.g. {@code localhost:9092}
     * @param groupId          the service's consumer group
     * @return the consumer configuration described above
     */
    public static Properties config(String bootstrapServers, String groupId) {
        // TODO 2.1: build and return the Properties of a consumer in groupId that commits by hand, after processing.
        throw new UnsupportedOperationException("TODO 2.1: ManualCommitConfig.config() is not written yet");
    }

    /** Given: the consumer the grader runs against the broker, built from your configuration alone. */
    public static KafkaConsumer<String, LogEvent> createConsumer(String bootstrapServers, String groupId) {
        return new KafkaConsumer<>(config(bootstrapServers, groupId));
    }
}
