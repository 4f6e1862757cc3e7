package dev.kafkaworkbook.producer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Properties;

/**
 * <b>Exercise 1.7 — Throughput vs durability.</b>
 *
 * <p>An analytics pipeline ingests a flood of small, repetitive telemetry events. Each one is cheap, but a request
 * per handful of events wastes the network and the broker. Tune the producer for throughput, <em>without</em>
 * trading durability away on the quiet: return a configuration that
 * <ul>
 *   <li>waits a little for more records before sending a batch: {@link ProducerConfig#LINGER_MS_CONFIG} between
 *       20 and 200 ms (more batching, while a record still leaves within a bounded delay);</li>
 *   <li>lets a batch grow: {@link ProducerConfig#BATCH_SIZE_CONFIG} between 64 KiB (65536) and 1 MiB (1048576)
 *       bytes per partition;</li>
 *   <li>compresses each batch: {@link ProducerConfig#COMPRESSION_TYPE_CONFIG} {@code lz4}, {@code zstd},
 *       {@code snappy} or {@code gzip}, not {@code none};</li>
 *   <li>keeps the durable guarantees, set explicitly: {@code acks=all} ({@link ProducerConfig#ACKS_CONFIG}) and
 *       {@code enable.idempotence=true} ({@link ProducerConfig#ENABLE_IDEMPOTENCE_CONFIG}).</li>
 * </ul>
 * The grader sends the same workload with Kafka's default configuration and with yours, and compares what the
 * producer's own metrics report (records per request, batch size, compression rate), not the wall time.
 * The serializers are given to the constructor in {@link #createProducer}; you need not configure them.
 *
 * <p>Statement: {@code module-01-producer/README.md#17-throughput-vs-durability} (es: {@code README.es.md}).
 */
public final class ThroughputTuning {

    private ThroughputTuning() {
    }

    /**
     * @param bootstrapServers the cluster to connect to, e.g. {@code localhost:9092}
     * @return the throughput-tuned, still durable, producer configuration described above
     */
    public static Properties tunedConfig(String bootstrapServers) {
        // TODO 1.7: build and return the Properties of a batching, compressing producer that keeps acks=all.
        throw new UnsupportedOperationException("TODO 1.7: ThroughputTuning.tunedConfig() is not written yet");
    }

    /** Given: the producer the grader measures, built from your configuration. */
    public static KafkaProducer<String, String> createProducer(String bootstrapServers) {
        return new KafkaProducer<>(tunedConfig(bootstrapServers), new StringSerializer(), new StringSerializer());
    }
}
