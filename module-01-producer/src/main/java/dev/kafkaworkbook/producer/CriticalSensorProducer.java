package dev.kafkaworkbook.producer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Properties;

/**
 * <b>Exercise 1.6 — Surviving a broker failure.</b>
 *
 * <p>Readings of critical sensors (the key is the sensor id) must keep flowing while a broker dies: none may be
 * lost, none written twice, and the readings of one sensor must stay in order. And when too few brokers are left
 * to keep a copy safe, the cluster must <em>refuse</em> the write rather than accept it on a single disk.
 *
 * <p>Write two methods:
 * <ol>
 *   <li>{@link #createTopic}: create ({@link NewTopic}) the topic {@code name} with {@code partitions} partitions,
 *       each replicated on 3 brokers, and with the topic configuration
 *       {@link TopicConfig#MIN_IN_SYNC_REPLICAS_CONFIG} = 2, so that a write with {@code acks=all} counts only once
 *       at least two replicas have it. Return once the topic exists (wait for the admin result).</li>
 *   <li>{@link #config}: the configuration of a producer that rides out the failure of a partition leader:
 *     <ul>
 *       <li>waits for every in-sync replica ({@link ProducerConfig#ACKS_CONFIG}), set explicitly;</li>
 *       <li>is idempotent ({@link ProducerConfig#ENABLE_IDEMPOTENCE_CONFIG}), set explicitly, so that a retry of
 *           a batch whose acknowledgement was lost is not written twice, and retries keep the order per key;</li>
 *       <li>retries ({@link ProducerConfig#RETRIES_CONFIG} &gt; 0) within a delivery timeout
 *           ({@link ProducerConfig#DELIVERY_TIMEOUT_MS_CONFIG}) of at least 30 s: enough to ride out the election
 *           of a new leader, which after a crash only starts once the controller notices the broker is gone.</li>
 *     </ul>
 *   </li>
 * </ol>
 * The serializers are given to the constructor in {@link #createProducer}; you need not configure them.
 *
 * <p>Statement: {@code module-01-producer/README.md#16-surviving-a-broker-failure} (es: {@code README.es.md}).
 */
public final class CriticalSensorProducer {

    private CriticalSensorProducer() {
    }

    /**
     * @param admin      an admin client of the cluster (do not close it)
     * @param name       the topic to create
     * @param partitions how many partitions it gets
     */
    public static void createTopic(Admin admin, String name, int partitions) {
        // TODO 1.6: create the topic with replication factor 3 and min.insync.replicas=2, and wait for the result.
        throw new UnsupportedOperationException("TODO 1.6: CriticalSensorProducer.createTopic() is not written yet");
    }

    /**
     * @param bootstrapServers the cluster to connect to, e.g. {@code localhost:9092}
     * @return the configuration of a producer that survives the failure of a partition leader
     */
    public static Properties config(String bootstrapServers) {
        // TODO 1.6: build and return the Properties of a producer that survives a leader failure (see above).
        throw new UnsupportedOperationException("TODO 1.6: CriticalSensorProducer.config() is not written yet");
    }

    /** Given: the producer the grader streams sensor readings with, built from your configuration. */
    public static KafkaProducer<String, String> createProducer(String bootstrapServers) {
        return new KafkaProducer<>(config(bootstrapServers), new StringSerializer(), new StringSerializer());
    }
}
