package dev.kafkaworkbook.producer;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.grading.Throwables;
import dev.kafkaworkbook.kit.grading.Todo;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Grades exercise 1.5 by provoking each outcome of a send on the broker, with a producer the grader builds and
 * hands to the learner's {@code DeliveryReporter.send}, and comparing what the listener heard with what happened:
 * the record's real position (read back), the producer's real error, and when it was decided. The checks share
 * nothing, and one of them waits out a retry budget: they run side by side.
 */
@Grader(exercise = "1.5")
@Execution(ExecutionMode.CONCURRENT)
class DeliveryCallbackGrader {

    /** After the producer has settled every send (flush), how long a report may still take to arrive. */
    private static final Duration LATE_REPORT = Duration.ofSeconds(2);
    /** The retry budget of the retriable case: short, so the check is quick, yet clearly longer than one attempt. */
    private static final int RETRY_BUDGET_MS = 1_200;
    private static final int REQUEST_TIMEOUT_MS = 500;
    /** Budget of the non-retriable case; its failure must come far sooner. */
    private static final int LONG_BUDGET_MS = 30_000;
    private static final long PROMPT_FAILURE_MS = 10_000;

    @Order(1)
    @Check(points = 2)
    void reportsEachSuccessWithItsPosition(Cluster cluster, TestData data, Feedback feedback) {
        String topic = cluster.createTopic("delivered", 3);
        KafkaProducer<String, String> producer = producer(cluster, new StringSerializer(), Map.of());
        Reports reports = new Reports();
        int count = data.between(8, 20);
        List<String> ids = data.ids("reading", count);
        for (String id : ids) {
            sendThroughLearner(feedback, producer, new ProducerRecord<>(topic, data.id("sensor"), id + " " + data.trickyText()),
                    reports.listener(id));
        }
        producer.flush();
        reports.awaitAtLeast(count);

        Map<String, ConsumerRecord<String, String>> landed = new HashMap<>();
        for (ConsumerRecord<String, String> record : cluster.readToEnd(topic, new StringDeserializer(), new StringDeserializer())) {
            landed.put(record.value().substring(0, record.value().indexOf(' ')), record);
        }
        for (String id : ids) {
            ConsumerRecord<String, String> record = landed.get(id);
            feedback.expect("success.notSent", record != null, feedback.text("success.notSent.expected", id, topic),
                    feedback.text("success.notSent.observed", reports.of(id)));
            String position = Report.success(topic, record.partition(), record.offset()).toString();
            List<Report> heard = reports.of(id);
            feedback.expect("success.none", !heard.isEmpty(), position, feedback.text("noReport"));
            feedback.expect("count", heard.size() == 1, position, heard);
            Report report = heard.get(0);
            feedback.expect("success.asFailure", report.success(), position, report);
            feedback.expectEqual("success.position", position, report.toString());
        }
    }

    @Order(2)
    @Check(points = 2)
    void reportsARecordTooLargeAsNonRetriableAtOnce(Cluster cluster, TestData data, Feedback feedback) {
        int maxMessageBytes = 2_048;
        String topic = cluster.createTopic("too-large", 1, 1,
                Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxMessageBytes)));
        KafkaProducer<String, String> producer = producer(cluster, new StringSerializer(),
                Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, LONG_BUDGET_MS));
        String value = data.id("reading") + " " + "x".repeat(data.between(3 * maxMessageBytes, 6 * maxMessageBytes));
        Reports reports = new Reports();
        long start = System.nanoTime();
        sendThroughLearner(feedback, producer, new ProducerRecord<>(topic, data.id("sensor"), value), reports.listener("big"));
        producer.flush();
        reports.awaitAtLeast(1);

        String expected = feedback.text("failure.expected", RecordTooLargeException.class.getSimpleName(), false);
        Report report = single(feedback, reports.of("big"), expected);
        feedback.expect("failure.error", report.is(RecordTooLargeException.class), expected, report);
        feedback.expect("tooLarge.retriable", !report.retriable(), expected, report);
        long millis = report.millisSince(start);
        feedback.expect("tooLarge.slow", millis < PROMPT_FAILURE_MS,
                feedback.text("tooLarge.slow.expected", PROMPT_FAILURE_MS, LONG_BUDGET_MS), feedback.text("after", millis));
    }

    @Order(3)
    @Check(points = 2)
    void reportsATimeoutAsRetriableAfterTheRetryBudget(Cluster cluster, TestData data, Feedback feedback) {
        // The grader's partitioner sends the record to a partition that never has a leader (the topic has one
        // partition; the record goes to a higher one), as records for a partition whose broker is down: the
        // producer keeps it until delivery.timeout.ms runs out, then fails it with a (retriable) TimeoutException.
        String topic = cluster.createTopic("leaderless", 1);
        KafkaProducer<String, String> producer = producer(cluster, new StringSerializer(), Map.of(
                ProducerConfig.PARTITIONER_CLASS_CONFIG, LeaderlessPartitioner.class,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, RETRY_BUDGET_MS,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS,
                ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 100,
                ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 250));
        producer.partitionsFor(topic);  // metadata cached: the learner's send() itself need not wait for anything
        Reports reports = new Reports();
        long start = System.nanoTime();
        sendThroughLearner(feedback, producer, new ProducerRecord<>(topic, data.id("sensor"), data.id("reading")),
                reports.listener("unwritable"));
        long sendMillis = (System.nanoTime() - start) / 1_000_000;
        producer.flush();
        reports.awaitAtLeast(1);

        String expected = feedback.text("failure.expected", "TimeoutException", true);
        Report report = single(feedback, reports.of("unwritable"), expected);
        feedback.expect("failure.error", report.is(RetriableException.class), expected, report);
        feedback.expect("retriable.flag", report.retriable(), expected, report);
        long millis = report.millisSince(start);
        feedback.expect("retriable.early", millis >= RETRY_BUDGET_MS - 200,
                feedback.text("retriable.early.expected", RETRY_BUDGET_MS), feedback.text("after", millis));
        feedback.expect("send.blocks", sendMillis < RETRY_BUDGET_MS / 2,
                feedback.text("send.blocks.expected"), feedback.text("send.blocks.observed", sendMillis, millis));
    }

    @Order(4)
    @Check
    void reportsAnErrorThrownBySendInsteadOfThrowingIt(Cluster cluster, TestData data, Feedback feedback) {
        String topic = cluster.createTopic("rejected", 1);
        String marker = data.id("unserializable");
        Serializer<String> rejecting = (t, value) -> {
            if (value != null && value.startsWith(marker)) {
                throw new SerializationException("the value serializer rejects " + marker);
            }
            return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        };
        KafkaProducer<String, String> producer = producer(cluster, rejecting, Map.of());
        Reports reports = new Reports();
        sendThroughLearner(feedback, producer, new ProducerRecord<>(topic, data.id("sensor"), data.id("reading")),
                reports.listener("before"));
        sendThroughLearner(feedback, producer, new ProducerRecord<>(topic, data.id("sensor"), marker + " " + data.trickyText()),
                reports.listener("rejected"));
        sendThroughLearner(feedback, producer, new ProducerRecord<>(topic, data.id("sensor"), data.id("reading")),
                reports.listener("after"));
        producer.flush();
        reports.awaitAtLeast(3);

        String expected = feedback.text("failure.expected", SerializationException.class.getSimpleName(), false);
        Report rejected = single(feedback, reports.of("rejected"), expected);
        feedback.expect("failure.error", rejected.is(SerializationException.class), expected, rejected);
        feedback.expect("sync.retriable", !rejected.retriable(), expected, rejected);
        for (String neighbour : List.of("before", "after")) {
            List<Report> heard = reports.of(neighbour);
            feedback.expect("sync.neighbours", heard.size() == 1 && heard.get(0).success(),
                    feedback.text("sync.neighbours.expected", neighbour), heard.isEmpty() ? feedback.text("noReport") : heard);
        }

        // A closed producer refuses every send with an IllegalStateException: also reported, not thrown.
        producer.close(Duration.ofSeconds(5));
        sendThroughLearner(feedback, producer, new ProducerRecord<>(topic, data.id("sensor"), data.id("reading")),
                reports.listener("closed"));
        String closedExpected = feedback.text("failure.expected", IllegalStateException.class.getSimpleName(), false);
        Report closed = single(feedback, reports.of("closed"), closedExpected);
        feedback.expect("failure.error", closed.is(IllegalStateException.class), closedExpected, closed);
        feedback.expect("sync.retriable", !closed.retriable(), closedExpected, closed);
    }

    // ----------------------------------------------------------------------------------------------------------

    /** The grader's producer: acks=all, and every record sent at once (no linger) so each report is prompt. */
    private static KafkaProducer<String, String> producer(Cluster cluster, Serializer<String> values,
                                                          Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0));
        config.putAll(overrides);
        return cluster.producer(new StringSerializer(), values, config);
    }

    /** Sends every record to the partition just past the topic's last one, which has no leader. */
    public static final class LeaderlessPartitioner implements Partitioner {
        @Override
        public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes,
                             org.apache.kafka.common.Cluster cluster) {
            return cluster.partitionCountForTopic(topic);
        }

        @Override
        public void close() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }

    /** Calls the learner's send(); it must return, and must not throw. */
    private static void sendThroughLearner(Feedback feedback, KafkaProducer<String, String> producer,
                                           ProducerRecord<String, String> record, DeliveryListener listener) {
        try {
            feedback.run("send.hang", () -> DeliveryReporter.send(producer, record, listener));
        } catch (AssertionError verdict) {
            throw verdict;
        } catch (Throwable thrown) {
            Todo.rethrowIfPresent(thrown);
            throw feedback.wrong("send.threw", feedback.text("send.threw.expected"), Throwables.chain(thrown));
        }
    }

    /** The one report of a send that must fail: not missing, not doubled, not a success. */
    private static Report single(Feedback feedback, List<Report> heard, String expected) {
        feedback.expect("failure.none", !heard.isEmpty(), expected, feedback.text("noReport"));
        feedback.expect("count", heard.size() == 1, expected, heard);
        Report report = heard.get(0);
        feedback.expect("failure.asSuccess", !report.success(), expected, report);
        return report;
    }

    /** What a listener heard, and when. */
    private record Report(boolean success, String topic, int partition, long offset, Exception error,
                          boolean retriable, long atNanos) {

        static Report success(String topic, int partition, long offset) {
            return new Report(true, topic, partition, offset, null, false, System.nanoTime());
        }

        /** The producer's own exception, unchanged: not wrapped, not replaced by another. */
        boolean is(Class<? extends Throwable> type) {
            return type.isInstance(error);
        }

        long millisSince(long startNanos) {
            return (atNanos - startNanos) / 1_000_000;
        }

        @Override
        public String toString() {
            return success ? "onSuccess(" + topic + ", partition " + partition + ", offset " + offset + ")"
                    : "onFailure(" + (error == null ? "null" : Throwables.chain(error)) + ", retriable=" + retriable + ")";
        }
    }

    /** The reports of every send of a check, by the name of the send. */
    private static final class Reports {
        private final Map<String, List<Report>> heard = new HashMap<>();
        private int total;

        DeliveryListener listener(String name) {
            return new DeliveryListener() {
                @Override
                public void onSuccess(String topic, int partition, long offset) {
                    add(name, new Report(true, topic, partition, offset, null, false, System.nanoTime()));
                }

                @Override
                public void onFailure(Exception error, boolean retriable) {
                    add(name, new Report(false, null, -1, -1, error, retriable, System.nanoTime()));
                }
            };
        }

        private synchronized void add(String name, Report report) {
            heard.computeIfAbsent(name, n -> new ArrayList<>()).add(report);
            total++;
        }

        synchronized List<Report> of(String name) {
            return List.copyOf(heard.getOrDefault(name, List.of()));
        }

        private synchronized int total() {
            return total;
        }

        /** Waits a little for reports that may still be on their way; the verdicts judge what arrived. */
        void awaitAtLeast(int count) {
            try {
                await().atMost(LATE_REPORT).pollInterval(Duration.ofMillis(20)).until(() -> total() >= count);
            } catch (ConditionTimeoutException missing) {
                // Judged by the checks: a missing report is a wrong answer, not a grader error.
            }
        }
    }
}
