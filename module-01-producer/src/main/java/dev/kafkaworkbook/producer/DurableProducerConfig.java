package dev.kafkaworkbook.producer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Properties;

/**
 * <b>Exercise 1.1 — Durable producer configuration.</b>
 *
 * <p>Critical sensor readings must survive a broker failure and must never be written twice. Return the
 * configuration of a producer that, <em>set explicitly</em> even where today's defaults agree (defaults change
 * between versions and are overridden silently elsewhere):
 * <ul>
 *   <li>counts a write only once every in-sync replica has it ({@link ProducerConfig#ACKS_CONFIG});</li>
 *   <li>is idempotent, so that a retry never duplicates a record ({@link ProducerConfig#ENABLE_IDEMPOTENCE_CONFIG}),
 *       with a number of in-flight requests per connection under which idempotence keeps the order
 *       ({@link ProducerConfig#MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION});</li>
 *   <li>retries transient failures ({@link ProducerConfig#RETRIES_CONFIG}), waiting between 100 ms and 1 s before
 *       a retry ({@link ProducerConfig#RETRY_BACKOFF_MS_CONFIG});</li>
 *   <li>gives up, and reports the failure, at most 60 s after {@code send()}
 *       ({@link ProducerConfig#DELIVERY_TIMEOUT_MS_CONFIG}); that budget must still cover
 *       {@code request.timeout.ms + linger.ms}.</li>
 * </ul>
 * The serializers are given to the constructor in {@link #createProducer}; you need not configure them.
 *
 * <p>Statement: {@code module-01-producer/README.md#11-durable-producer-configuration} (es: {@code README.es.md}).
 */
public final class DurableProducerConfig {

    private DurableProducerConfig() {
    }

    /**
     * @param bootstrapServers the cluster to connect to, e.g. {@code localhost:9092}
     * @return the producer configuration described above
     */
    public static Properties durableConfig(String bootstrapServers) {
        // TODO 1.1: build and return the Properties of a durable, idempotent producer for bootstrapServers.
        throw new UnsupportedOperationException("TODO 1.1: DurableProducerConfig.durableConfig() is not written yet");
    }

    /** Given: the producer the grader runs against the broker, built from your configuration. */
    public static KafkaProducer<String, String> createProducer(String bootstrapServers) {
        return new KafkaProducer<>(durableConfig(bootstrapServers), new StringSerializer(), new StringSerializer());
    }
}
