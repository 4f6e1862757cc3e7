package dev.kafkaworkbook.delivery;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.Tally;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.groups.ConsumerGroups;
import dev.kafkaworkbook.kit.learner.ConsumerJournal.Position;
import dev.kafkaworkbook.kit.learner.LearnerLoops;
import dev.kafkaworkbook.kit.learner.SharedRun;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Grades exercise 3.6 on one run of the learner's processor over a topic of orders in which some records fail for a
 * while, some never succeed, and some are poison pills (bytes that are no order event). The grader's handler notes
 * every attempt and its time; what reached the dead-letter topic is read back with its headers.
 */
@Grader(exercise = "3.6")
class DeadLetterGrader {

    private static final SharedRun<Run> RUN = new SharedRun<>();
    private static final Duration SETTLE = Duration.ofSeconds(20);
    /** A retry may come this much sooner than its backoff: timers are not exact to the millisecond. */
    private static final long EARLY_MILLIS = 3;

    @Order(1)
    @Check(points = 2)
    void transientFailuresAreRetriedWithBackoff(Cluster cluster, TestData data, Feedback feedback) {
        Run run = run(cluster, data, feedback);
        for (Map.Entry<String, Integer> flaky : run.flaky().entrySet()) {
            List<Long> attempts = run.attempts(flaky.getKey());
            feedback.expect("retried", attempts.size() == flaky.getValue() + 1 && run.handled().contains(flaky.getKey()),
                    feedback.text("retried.expected", flaky.getKey(), flaky.getValue(), flaky.getValue() + 1),
                    feedback.text("retried.observed", attempts.size(), run.handled().contains(flaky.getKey())));
            for (int failed = 1; failed < attempts.size(); failed++) {
                long waited = TimeUnit.NANOSECONDS.toMillis(attempts.get(failed) - attempts.get(failed - 1));
                long backoff = run.retry().backoffBefore(failed).toMillis();
                feedback.expect("backoff", waited >= backoff - EARLY_MILLIS,
                        feedback.text("backoff.expected", failed + 1, backoff),
                        feedback.text("backoff.observed", flaky.getKey(), waited));
            }
        }
    }

    @Order(2)
    @Check(points = 2)
    void aRecordStillFailingAfterMaxAttemptsGoesToTheDeadLetterTopic(Cluster cluster, TestData data, Feedback feedback) {
        Run run = run(cluster, data, feedback);
        for (String broken : run.broken()) {
            int attempts = run.attempts(broken).size();
            feedback.expect("attempts", attempts == run.retry().maxAttempts(),
                    feedback.text("attempts.expected", run.retry().maxAttempts()),
                    feedback.text(attempts > run.retry().maxAttempts() ? "attempts.forever" : "attempts.observed", broken, attempts));
        }
        List<String> dead = run.deadLetters().stream().map(r -> run.eventIn(r.value())).flatMap(Optional::stream).toList();
        feedback.expectSameElements("dead", run.broken(), dead);
    }

    @Order(3)
    @Check
    void deadLettersNameTheirOriginAndError(Cluster cluster, TestData data, Feedback feedback) {
        Run run = run(cluster, data, feedback);
        feedback.expect("dead.none", !run.deadLetters().isEmpty(), feedback.text("dead.none.expected"), run.deadLetters().size());
        for (ConsumerRecord<byte[], byte[]> letter : run.deadLetters()) {
            Optional<Position> origin = run.originOf(letter.value());
            String expected = origin.map(p -> feedback.text("origin.expected", p.partition().topic(), p.partition().partition(),
                    p.offset())).orElse("?");
            String observed = feedback.text("origin.expected", header(letter, DeadLetterHeaders.ORIGINAL_TOPIC),
                    header(letter, DeadLetterHeaders.ORIGINAL_PARTITION), header(letter, DeadLetterHeaders.ORIGINAL_OFFSET));
            feedback.expectEqual("origin", expected, observed);
            String error = header(letter, DeadLetterHeaders.ERROR);
            feedback.expect("error", error != null && error.contains("Exception"), feedback.text("error.expected"), error);
            byte[] key = origin.map(p -> run.keys().get(p)).orElse(null);
            feedback.expect("key", Arrays.equals(key, letter.key()), text(key), text(letter.key()));
        }
    }

    @Order(4)
    @Check(points = 2)
    void aPoisonPillDoesNotStopItsPartition(Cluster cluster, TestData data, Feedback feedback) {
        Run run = run(cluster, data, feedback);
        for (Map.Entry<Position, byte[]> pill : run.pills().entrySet()) {
            boolean dead = run.deadLetters().stream().anyMatch(r -> Arrays.equals(r.value(), pill.getValue()));
            feedback.expect("pill.dead", dead, feedback.text("pill.dead.expected", pill.getKey()), text(pill.getValue()));
            List<String> after = run.goodAfter(pill.getKey());
            List<String> missing = after.stream().filter(k -> !run.handled().contains(k)).toList();
            feedback.expect("pill.blocks", missing.isEmpty(), feedback.text("pill.blocks.expected", pill.getKey(), after.size()),
                    feedback.text("pill.blocks.observed", missing.size(), String.join(", ", missing.stream().limit(5).toList())));
        }
    }

    @Order(5)
    @Check
    void goodRecordsAreHandledOnceInOrder(Cluster cluster, TestData data, Feedback feedback) {
        Run run = run(cluster, data, feedback);
        feedback.expectExactlyOnce(Tally.of(run.succeeding(), run.handled()), key -> key);
        Map<Integer, Long> last = new LinkedHashMap<>();
        for (Position handled : run.handledPositions()) {
            long before = last.getOrDefault(handled.partition().partition(), -1L);
            feedback.expect("order", handled.offset() > before, feedback.text("order.expected"),
                    feedback.text("order.observed", handled.partition().partition(), handled.offset(), before));
            last.put(handled.partition().partition(), handled.offset());
        }
    }

    private static Run run(Cluster cluster, TestData data, Feedback feedback) {
        return RUN.get(() -> Run.of(cluster, data, feedback));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * What one run showed: the records by kind (succeeding at once, flaky with how many failures, broken, pills), every
     * attempt of the handler with its time, what was handled in which order, and the dead-letter topic.
     */
    record Run(RetryPolicy retry, Map<Position, byte[]> values, Map<Position, byte[]> keys, Map<Position, String> events,
               Map<String, Integer> flaky, List<String> broken, Map<Position, byte[]> pills,
               Map<String, List<Long>> attemptTimes, List<Position> handledPositions, List<String> handled,
               List<ConsumerRecord<byte[], byte[]>> deadLetters) {

        List<Long> attempts(String event) {
            return attemptTimes.getOrDefault(event, List.of());
        }

        /** Every event that should end up handled: all but the broken ones. */
        List<String> succeeding() {
            return events.values().stream().filter(e -> !broken.contains(e)).toList();
        }

        /** The natural key of the event these bytes are, if they are one of the events sent. */
        Optional<String> eventIn(byte[] value) {
            try {
                return Optional.of(Orders.naturalKey(new OrderEventDeserializer().deserialize("dlq", value)))
                        .filter(events::containsValue);
            } catch (RuntimeException notAnEvent) {
                return Optional.empty();
            }
        }

        /** Where a dead letter came from: the pill with these bytes, or the event it holds. */
        Optional<Position> originOf(byte[] value) {
            Optional<Position> pill = pills.entrySet().stream().filter(p -> Arrays.equals(p.getValue(), value))
                    .map(Map.Entry::getKey).findFirst();
            return pill.or(() -> eventIn(value).flatMap(key -> events.entrySet().stream()
                    .filter(e -> e.getValue().equals(key)).map(Map.Entry::getKey).findFirst()));
        }

        /** The events after {@code pill} in its partition that should be handled. */
        List<String> goodAfter(Position pill) {
            return events.entrySet().stream().filter(e -> e.getKey().partition().equals(pill.partition())
                    && e.getKey().offset() > pill.offset() && !broken.contains(e.getValue())).map(Map.Entry::getValue).toList();
        }

        static Run of(Cluster cluster, TestData data, Feedback feedback) {
            RetryPolicy retry = new RetryPolicy(data.between(3, 4), Duration.ofMillis(data.between(20, 40)), Duration.ofMillis(120));
            String topic = cluster.createTopic("orders", 3);
            String deadLetterTopic = cluster.createTopic("orders-dlq", 1);
            List<OrderEvent> events = Orders.randomEvents(data, data.between(20, 30));
            Map<String, Integer> flaky = new LinkedHashMap<>();
            List<String> broken = new ArrayList<>();
            for (OrderEvent event : events) {
                int dice = data.random().nextInt(12);
                if (dice < 2) {
                    flaky.put(Orders.naturalKey(event), data.between(1, retry.maxAttempts() - 1));
                } else if (dice == 2 && broken.size() < 3) {
                    broken.add(Orders.naturalKey(event));
                }
            }
            Published published = publish(cluster, topic, events, data);

            Map<String, List<Long>> attemptTimes = new ConcurrentHashMap<>();
            List<Position> handledPositions = new CopyOnWriteArrayList<>();
            List<String> handled = new CopyOnWriteArrayList<>();
            OrderHandler handler = record -> {
                String key = Orders.naturalKey(record.value());
                List<Long> attempts = attemptTimes.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
                attempts.add(System.nanoTime());
                // An attempt beyond the bound is let through, so that a processor without a bound still finishes the
                // run (and is judged on it) instead of holding its partition for ever.
                boolean beyondTheBound = attempts.size() > retry.maxAttempts();
                if (!beyondTheBound && (broken.contains(key) || attempts.size() <= flaky.getOrDefault(key, 0))) {
                    throw new TransientProcessingException("payment service timed out for " + key + " (attempt " + attempts.size() + ")");
                }
                handledPositions.add(Position.of(record));
                handled.add(key);
            };
            String group = cluster.newGroupId("order-service");
            KafkaConsumer<String, OrderEvent> consumer = cluster.consumer(new StringDeserializer(), new OrderEventDeserializer(),
                    Map.of(ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 25));
            KafkaProducer<byte[], byte[]> deadLetters = cluster.producer(new ByteArraySerializer(), new ByteArraySerializer(),
                    Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0));
            LearnerLoops loops = LearnerLoops.of(cluster, feedback);
            DeadLetterProcessor processor = loops.create(() -> new DeadLetterProcessor(consumer, deadLetters, topic,
                    deadLetterTopic, handler, retry));
            LearnerLoops.Loop loop = loops.start("dead-letters", processor::run, consumer::wakeup);
            int letters = broken.size() + published.pills().size();
            ConsumerGroups groups = ConsumerGroups.of(cluster);
            List<String> succeeding = published.events().values().stream().filter(e -> !broken.contains(e)).toList();
            loops.await(() -> handled.containsAll(succeeding) && deadLetterCount(groups, deadLetterTopic) >= letters, SETTLE);
            loops.stop(loop, processor::shutdown);
            deadLetters.flush();
            List<ConsumerRecord<byte[], byte[]>> dead = cluster.readToEnd(deadLetterTopic, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            return new Run(retry, published.values(), published.keys(), published.events(), flaky, broken, published.pills(),
                    Map.copyOf(attemptTimes), List.copyOf(handledPositions), List.copyOf(handled), dead);
        }

        private static long deadLetterCount(ConsumerGroups groups, String topic) {
            return groups.endOffsets(List.of(new TopicPartition(topic, 0))).values().iterator().next();
        }
    }

    /** The topic as written: each record's key and value bytes, the events by natural key, the pills. */
    private record Published(Map<Position, byte[]> keys, Map<Position, byte[]> values, Map<Position, String> events,
                             Map<Position, byte[]> pills) {
    }

    /** Publishes the events as JSON and, early among them, two or three poison pills keyed by order ids of the stream. */
    private static Published publish(Cluster cluster, String topic, List<OrderEvent> events, TestData data) {
        KafkaProducer<byte[], byte[]> producer = cluster.producer(new ByteArraySerializer(), new ByteArraySerializer(),
                Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0));
        OrderEventSerializer json = new OrderEventSerializer();
        List<Object> stream = new ArrayList<>(events);
        int pills = data.between(2, 3);
        for (int i = 0; i < pills; i++) {
            int at = data.between(0, stream.size() / 3);
            // Keyed by an order with an event further on: the pill's partition has records after it.
            String order = ((OrderEvent) data.pick(stream.subList(at, stream.size()).stream()
                    .filter(item -> item instanceof OrderEvent).toList())).orderId();
            // Each pill's bytes are its own (a truncated event names a fresh event id): a dead letter is traced to its
            // origin by its bytes, and two pills of one order must not look alike.
            byte[] pill = (i % 2 == 0 ? "{\"order_id\":\"" + order + "\",\"event_id\":\"" + data.id("evt")
                    : "☠ not an order " + data.id("pill")).getBytes(StandardCharsets.UTF_8);
            stream.add(at, new Object[]{order, pill});
        }
        Map<Position, byte[]> keys = new LinkedHashMap<>();
        Map<Position, byte[]> values = new LinkedHashMap<>();
        Map<Position, String> byEvent = new LinkedHashMap<>();
        Map<Position, byte[]> pillsAt = new LinkedHashMap<>();
        for (Object item : stream) {
            String key = item instanceof OrderEvent event ? event.orderId() : (String) ((Object[]) item)[0];
            byte[] value = item instanceof OrderEvent event ? json.serialize(topic, event) : (byte[]) ((Object[]) item)[1];
            RecordMetadata written = get(producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)));
            Position at = new Position(new TopicPartition(topic, written.partition()), written.offset());
            keys.put(at, key.getBytes(StandardCharsets.UTF_8));
            values.put(at, value);
            if (item instanceof OrderEvent event) {
                byEvent.put(at, Orders.naturalKey(event));
            } else {
                pillsAt.put(at, value);
            }
        }
        return new Published(keys, values, byEvent, pillsAt);
    }

    private static RecordMetadata get(java.util.concurrent.Future<RecordMetadata> ack) {
        try {
            return ack.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The grader's own record was not acknowledged: " + e, e);
        }
    }
}
