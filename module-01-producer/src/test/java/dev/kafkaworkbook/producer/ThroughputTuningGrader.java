package dev.kafkaworkbook.producer;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.ProducerConfigs;
import dev.kafkaworkbook.kit.grading.ProducerMetrics;
import dev.kafkaworkbook.kit.grading.TestData;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.BATCH_SIZE_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.COMPRESSION_TYPE_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG;
import static org.apache.kafka.clients.producer.ProducerConfig.LINGER_MS_CONFIG;

/**
 * Grades exercise 1.7 on the producer's effective configuration and on the producer's own batching metrics: the
 * same seeded workload is sent with Kafka's default configuration and with the learner's, in the same run, and
 * the learner's must pack several times more records into each request, in compressed batches. Wall time is
 * printed in an ungraded lab table but never graded: it depends on the machine and on whatever else runs on it.
 */
@Grader(exercise = "1.7")
class ThroughputTuningGrader {

    private static final Duration WORKLOAD_CALL = Duration.ofSeconds(60);
    private static final long MIN_LINGER_MS = 20;
    private static final long MAX_LINGER_MS = 200;
    private static final int MIN_BATCH_SIZE = 64 * 1024;
    private static final int MAX_BATCH_SIZE = 1024 * 1024;
    private static final int PARTITIONS = 3;
    /** Records per request of the tuned producer, as a multiple of the default producer's on the same workload. */
    private static final double MIN_PER_REQUEST_RATIO = 2.0;
    /**
     * Bytes per batch on the wire (compressed), averaged. A producer that does not batch sends a few hundred; a
     * batching one several KiB even when gzip shrinks its batches eightfold.
     */
    private static final double MIN_BATCH_BYTES = 2 * 1024;
    /** Compressed size / uncompressed size of the tuned producer's batches (1.0 = not compressed). */
    private static final double MAX_COMPRESSION_RATE = 0.8;
    /** Records per cell of the ungraded lab table. */
    private static final int LAB_RECORDS = 8_000;

    @Order(1)
    @Check
    void keepsAcksAllAndIdempotence(TestData data, Feedback feedback) {
        Properties config = learnerConfig(data, feedback);
        ProducerConfigs.expectAcksAll(config, feedback);
        ProducerConfigs.expectIdempotent(config, feedback);
    }

    @Order(2)
    @Check
    void lingersAndGrowsBatchesWithinBounds(TestData data, Feedback feedback) {
        Properties config = learnerConfig(data, feedback);
        feedback.expectInRange("linger", LINGER_MS_CONFIG, ProducerConfigs.number(config, LINGER_MS_CONFIG, feedback),
                MIN_LINGER_MS, MAX_LINGER_MS);
        feedback.expectInRange("batchSize", BATCH_SIZE_CONFIG, ProducerConfigs.number(config, BATCH_SIZE_CONFIG, feedback),
                MIN_BATCH_SIZE, MAX_BATCH_SIZE);
    }

    @Order(3)
    @Check
    void compressesTheBatches(TestData data, Feedback feedback) {
        String compression = String.valueOf(ProducerConfigs.setting(learnerConfig(data, feedback), COMPRESSION_TYPE_CONFIG, feedback));
        feedback.expect("compression", !"none".equals(compression), "compression.type=lz4|zstd|snappy|gzip",
                COMPRESSION_TYPE_CONFIG + "=" + compression);
    }

    @Order(4)
    @Check(points = 2)
    void packsMoreRecordsIntoEachRequest(Cluster cluster, TestData data, Feedback feedback) {
        Properties tuned = learnerConfig(cluster.bootstrapServers(), feedback);
        ProducerConfigs.effective(tuned, feedback);
        List<String[]> workload = workload(data, data.between(25_000, 35_000));

        String defaultTopic = cluster.createTopic("telemetry-default", PARTITIONS);
        Run byDefault = Run.of(cluster.producer(new StringSerializer(), new StringSerializer(), Map.of()),
                defaultTopic, workload);
        String tunedTopic = cluster.createTopic("telemetry-tuned", PARTITIONS);
        KafkaProducer<String, String> producer = cluster.closeAfterCheck(feedback.call("create.hang",
                () -> ThroughputTuning.createProducer(cluster.bootstrapServers())));
        Run yours = feedback.call("send.hang", WORKLOAD_CALL, () -> Run.of(producer, tunedTopic, workload));

        feedback.expect("send.failed", yours.failures.isEmpty(), feedback.text("send.failed.expected", workload.size()),
                yours.failures.isEmpty() ? "" : feedback.text("send.failed.observed", yours.failures.size(), yours.failures.peek()));
        feedback.expectEqual("landed", (long) workload.size(), landed(cluster, tunedTopic));

        printLabTable(cluster, data, feedback, tuned);

        feedback.expect("perRequest", yours.recordsPerRequest >= MIN_PER_REQUEST_RATIO * byDefault.recordsPerRequest,
                feedback.text("perRequest.expected", format(MIN_PER_REQUEST_RATIO * byDefault.recordsPerRequest),
                        String.format(Locale.ROOT, "%.0f", MIN_PER_REQUEST_RATIO), format(byDefault.recordsPerRequest)),
                feedback.text("perRequest.observed", format(yours.recordsPerRequest)));
        feedback.expect("batchBytes", yours.batchBytes >= MIN_BATCH_BYTES,
                feedback.text("batchBytes.expected", format(MIN_BATCH_BYTES)),
                feedback.text("batchBytes.observed", format(yours.batchBytes), format(byDefault.batchBytes)));
        feedback.expect("compressionRate", yours.compressionRate <= MAX_COMPRESSION_RATE,
                feedback.text("compressionRate.expected", format(MAX_COMPRESSION_RATE)),
                feedback.text("compressionRate.observed", format(yours.compressionRate)));
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Small, repetitive telemetry events (~110 bytes), keyed by device: what compresses and batches well. */
    private static List<String[]> workload(TestData data, int count) {
        List<String> devices = data.ids("device", 24);
        List<String> sites = data.ids("site", 4);
        List<String> states = List.of("OK", "OK", "OK", "WARN", "CALIBRATING");
        long time = 1_700_000_000_000L + data.between(0, 1_000_000);
        List<String[]> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String device = data.pick(devices);
            time += data.between(0, 50);
            String value = String.format(Locale.ROOT,
                    "{\"device\":\"%s\",\"site\":\"%s\",\"ts\":%d,\"temperature\":%.1f,\"unit\":\"C\",\"state\":\"%s\"}",
                    device, data.pick(sites), time, 15 + data.random().nextInt(200) / 10.0, data.pick(states));
            records.add(new String[] {device, value});
        }
        return records;
    }

    /** One producer sending the whole workload asynchronously, and what its metrics say afterwards. */
    private record Run(double recordsPerRequest, double batchBytes, double compressionRate, long millis,
                       ConcurrentLinkedQueue<Exception> failures) {

        static Run of(Producer<String, String> producer, String topic, List<String[]> workload) {
            ConcurrentLinkedQueue<Exception> failures = new ConcurrentLinkedQueue<>();
            long began = System.nanoTime();
            for (String[] record : workload) {
                producer.send(new ProducerRecord<>(topic, record[0], record[1]), (metadata, error) -> {
                    if (error != null) {
                        failures.add(error);
                    }
                });
            }
            producer.flush();
            long millis = (System.nanoTime() - began) / 1_000_000;
            return new Run(ProducerMetrics.value(producer, "records-per-request-avg"), ProducerMetrics.value(producer, "batch-size-avg"),
                    ProducerMetrics.value(producer, "compression-rate-avg"), millis, failures);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "records/request %.1f, batch %.0f B, compression %.2f, %d ms, %d failed",
                    recordsPerRequest, batchBytes, compressionRate, millis, failures.size());
        }
    }

    private static long landed(Cluster cluster, String topic) {
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, PARTITIONS).boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
        return Cluster.get(cluster.admin().listOffsets(latest).all()).values().stream()
                .mapToLong(info -> info.offset()).sum();
    }

    /**
     * Ungraded: records/s and send latency (send() to acknowledgement) for acks=0/1/all, with Kafka's defaults
     * and with the learner's tuning, measured now on this machine.
     */
    private static void printLabTable(Cluster cluster, TestData data, Feedback feedback, Properties tuned) {
        List<String[]> workload = workload(data, LAB_RECORDS);
        StringBuilder table = new StringBuilder(System.lineSeparator())
                .append(feedback.text("lab.heading", LAB_RECORDS)).append(System.lineSeparator())
                .append(String.format(Locale.ROOT, "    %-6s | %-30s | %-30s%n", "acks",
                        feedback.text("lab.default"), feedback.text("lab.tuned")))
                .append(String.format(Locale.ROOT, "    %-6s | %9s %9s %9s  | %9s %9s %9s%n", "",
                        "rec/s", "avg ms", "p99 ms", "rec/s", "avg ms", "p99 ms"));
        for (String acks : List.of("0", "1", "all")) {
            table.append(String.format(Locale.ROOT, "    %-6s |", acks));
            for (boolean useTuned : new boolean[] {false, true}) {
                Properties config = new Properties();
                if (useTuned) {
                    config.putAll(tuned);
                }
                config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
                config.put(ACKS_CONFIG, acks);
                config.put(ENABLE_IDEMPOTENCE_CONFIG, "all".equals(acks));
                String topic = cluster.createTopic("lab", PARTITIONS);
                KafkaProducer<String, String> producer = cluster.closeAfterCheck(
                        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer()));
                table.append(Lab.of(producer, topic, workload)).append(useTuned ? "" : "  |");
            }
            table.append(System.lineSeparator());
        }
        table.append(feedback.text("lab.note"));
        System.out.println(table);
    }

    /** One cell of the lab table. */
    private record Lab(double recordsPerSecond, double averageMs, double p99Ms) {
        static Lab of(Producer<String, String> producer, String topic, List<String[]> workload) {
            long[] latencies = new long[workload.size()];
            long began = System.nanoTime();
            for (int i = 0; i < workload.size(); i++) {
                int index = i;
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, workload.get(i)[0], workload.get(i)[1]),
                        (metadata, error) -> latencies[index] = System.nanoTime() - sent);
            }
            producer.flush();
            double seconds = (System.nanoTime() - began) / 1e9;
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return new Lab(workload.size() / seconds, Arrays.stream(latencies).average().orElse(0) / 1e6,
                    sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, " %9.0f %9.1f %9.1f", recordsPerSecond, averageMs, p99Ms);
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.0f", value);
    }

    private static Properties learnerConfig(TestData data, Feedback feedback) {
        String bootstrap = data.id("broker") + ":9092";
        Properties config = learnerConfig(bootstrap, feedback);
        feedback.expectEqual("bootstrap", bootstrap, config.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        return config;
    }

    private static Properties learnerConfig(String bootstrap, Feedback feedback) {
        return ProducerConfigs.fromLearner(feedback, () -> ThroughputTuning.tunedConfig(bootstrap));
    }
}
