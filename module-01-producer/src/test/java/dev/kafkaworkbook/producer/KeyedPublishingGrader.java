package dev.kafkaworkbook.producer;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.grading.Tally;
import dev.kafkaworkbook.kit.learner.SharedRun;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import dev.kafkaworkbook.kit.proxies.Recorder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Grades exercise 1.3 on the broker: the learner publishes interleaved events of many orders through the
 * grader's producer (with the grader's own JSON serializer, not the learner's answer to 1.2) to a topic of
 * random width, once; every check reads what landed where, and in which offsets.
 */
@Grader(exercise = "1.3")
class KeyedPublishingGrader {

    private static final int SMALL_BATCH_BYTES = 512;
    /** How long sends still arriving after publish() returned are looked for, when some are missing at the return. */
    private static final Duration LATE_SENDS = Duration.ofSeconds(2);
    private static final List<String> LIFECYCLE = List.of("created", "paid", "packed", "shipped", "delivered");
    /** One publication, which every check judges on its own aspect: the learner's code runs once per grading. */
    private static final SharedRun<Published> PUBLISHED = new SharedRun<>();

    @Order(1)
    @Check
    void everyRecordIsKeyedByItsOrderId(Cluster cluster, TestData data, Feedback feedback) {
        Published published = PUBLISHED.get(() -> publish(cluster, data, feedback));
        List<ConsumerRecord<String, OrderEvent>> unkeyed = published.records().stream()
                .filter(r -> r.value() != null && !Objects.equals(r.key(), r.value().orderId()))
                .collect(Collectors.toList());
        if (!unkeyed.isEmpty()) {
            ConsumerRecord<String, OrderEvent> first = unkeyed.get(0);
            throw feedback.wrong("key", feedback.text("key.expected", quoted(first.value().orderId()), first.value().status()),
                    feedback.text("key.observed", quoted(first.key()), unkeyed.size(), published.records().size()));
        }
    }

    @Order(2)
    @Check(points = 2)
    void eventsOfAnOrderShareOnePartitionInSendOrder(Cluster cluster, TestData data, Feedback feedback) {
        Published published = PUBLISHED.get(() -> publish(cluster, data, feedback));
        // readToEnd gives the records partition by partition, in offset order.
        Map<String, List<ConsumerRecord<String, OrderEvent>>> byOrder = new LinkedHashMap<>();
        for (ConsumerRecord<String, OrderEvent> record : published.records()) {
            byOrder.computeIfAbsent(record.value().orderId(), id -> new ArrayList<>()).add(record);
        }
        for (Map.Entry<String, List<OrderEvent>> order : published.eventsByOrder().entrySet()) {
            List<ConsumerRecord<String, OrderEvent>> landed = byOrder.getOrDefault(order.getKey(), List.of());
            Map<Integer, List<String>> statusesByPartition = new TreeMap<>();
            for (ConsumerRecord<String, OrderEvent> record : landed) {
                statusesByPartition.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(record.value().status());
            }
            feedback.expect("split", statusesByPartition.size() <= 1,
                    feedback.text("split.expected", order.getKey(), order.getValue().size()),
                    feedback.text("split.observed", statusesByPartition));
            List<String> sent = order.getValue().stream().map(OrderEvent::status).collect(Collectors.toList());
            List<String> stored = landed.stream().map(r -> r.value().status()).collect(Collectors.toList());
            feedback.expect("order", sent.equals(stored), feedback.text("order.expected", order.getKey(), sent),
                    landed.isEmpty() ? feedback.text("order.none") : feedback.text("order.observed", stored, landed.get(0).partition()));
        }
    }

    @Order(3)
    @Check
    void thePartitionIsTheOneTheDefaultPartitionerPicks(Cluster cluster, TestData data, Feedback feedback) {
        Published published = PUBLISHED.get(() -> publish(cluster, data, feedback));
        List<ConsumerRecord<String, OrderEvent>> misplaced = new ArrayList<>();
        for (ConsumerRecord<String, OrderEvent> record : published.records()) {
            if (record.partition() != defaultPartition(record.value().orderId(), published.partitions())) {
                misplaced.add(record);
            }
        }
        if (!misplaced.isEmpty()) {
            ConsumerRecord<String, OrderEvent> first = misplaced.get(0);
            String orderId = first.value().orderId();
            throw feedback.wrong("partition", feedback.text("partition.expected", orderId,
                            defaultPartition(orderId, published.partitions()), published.partitions()),
                    feedback.text("partition.observed", first.partition(), quoted(first.key()), misplaced.size(),
                            published.records().size()));
        }
    }

    @Order(4)
    @Check
    void everyEventLandsExactlyOnce(Cluster cluster, TestData data, Feedback feedback) {
        Published published = PUBLISHED.get(() -> publish(cluster, data, feedback));
        List<OrderEvent> landed = published.records().stream().map(ConsumerRecord::value).toList();
        feedback.expectExactlyOnce(Tally.of(published.events(), landed), KeyedPublishingGrader::describe);
    }

    @Order(5)
    @Check
    void leavesTheCallersProducerOpen(Cluster cluster, TestData data, Feedback feedback) {
        Published published = PUBLISHED.get(() -> publish(cluster, data, feedback));
        feedback.expect("closed", !published.calls().contains("close"), feedback.text("closed.expected"),
                feedback.text("closed.observed", published.calls().stream().distinct().toList()));
    }

    /**
     * What one check published: the events in send order, the topic's width, the records that landed, and the
     * calls the learner's code made to the producer.
     */
    private record Published(List<OrderEvent> events, Map<String, List<OrderEvent>> eventsByOrder, int partitions,
                             List<ConsumerRecord<String, OrderEvent>> records, List<String> calls) {
    }

    /** Has the learner publish random interleaved orders to a fresh topic, flushes, and reads the topic back. */
    private static Published publish(Cluster cluster, TestData data, Feedback feedback) {
        int partitions = data.between(6, 12);
        String topic = cluster.createTopic("orders", partitions);
        Map<String, List<OrderEvent>> byOrder = orders(data);
        List<OrderEvent> events = interleave(byOrder, data);
        // Small batches: the sticky partitioner moves to another partition after each batch, as under real load,
        // so records without a key spread over the partitions here as they would in production.
        KafkaProducer<String, OrderEvent> producer = cluster.producer(new StringSerializer(),
                OrderEventPublisherJson.serializer(), Map.of(ProducerConfig.BATCH_SIZE_CONFIG, SMALL_BATCH_BYTES));
        // The producer goes through a recorder: the broker cannot tell whether the learner's code closed it.
        Recorder<Producer<String, OrderEvent>> recorder = Recorder.of(Producer.class, producer);
        feedback.run("publish.hang", () -> OrderEventPublisher.publish(recorder.proxy(), topic, List.copyOf(events)));
        expectEverySendBeforeReturning(recorder, events.size(), feedback);
        feedback.run("flush.hang", producer::flush);
        List<ConsumerRecord<String, OrderEvent>> records = cluster.readToEnd(topic, new StringDeserializer(),
                OrderEventPublisherJson.deserializer());
        feedback.expect("empty", !records.isEmpty(), feedback.text("empty.expected", events.size()), feedback.text("empty.observed", topic));
        long withoutValue = records.stream().filter(r -> r.value() == null).count();
        feedback.expect("value", withoutValue == 0, feedback.text("value.expected"),
                feedback.text("value.observed", withoutValue, records.size()));
        return new Published(events, byOrder, partitions, records, recorder.calls());
    }

    /**
     * The caller flushes once publish() returns, and a flush covers only what was already handed to send(): sends
     * that some other thread makes after the return can be missed, or lost when the caller closes the producer.
     * A send arriving after the return proves it; without one, fewer sends are judged by what landed.
     */
    private static void expectEverySendBeforeReturning(Recorder<?> recorder, int events, Feedback feedback) {
        long atReturn = sends(recorder);
        if (atReturn >= events) {
            return;
        }
        try {
            await("a send after publish() returned").atMost(LATE_SENDS).pollInterval(Duration.ofMillis(20))
                    .until(() -> sends(recorder) > atReturn);
        } catch (ConditionTimeoutException none) {
            return;
        }
        throw feedback.wrong("late", feedback.text("late.expected", events), feedback.text("late.observed", atReturn, events));
    }

    private static long sends(Recorder<?> recorder) {
        return recorder.calls().stream().filter("send"::equals).count();
    }

    /** 20 to 50 orders of 2 to 5 events each, following an order's life; customers place several orders. */
    private static Map<String, List<OrderEvent>> orders(TestData data) {
        List<String> orderIds = data.ids("order", data.between(20, 50));
        List<String> customers = data.ids("customer", Math.max(3, orderIds.size() / 4));
        long clock = 1_700_000_000_000L + data.between(0, 1_000_000_000) * 10L;
        Map<String, List<OrderEvent>> byOrder = new LinkedHashMap<>();
        for (String orderId : orderIds) {
            String customer = data.pick(customers);
            long amount = data.between(100, 2_000_000);
            int steps = data.between(2, LIFECYCLE.size());
            List<OrderEvent> lifecycle = new ArrayList<>();
            for (int step = 0; step < steps; step++) {
                clock += data.between(1, 5_000);
                lifecycle.add(new OrderEvent(orderId, LIFECYCLE.get(step), customer, amount, clock));
            }
            byOrder.put(orderId, lifecycle);
        }
        return byOrder;
    }

    /** One list, the events of all orders mixed at random, those of each order still in their order. */
    private static List<OrderEvent> interleave(Map<String, List<OrderEvent>> byOrder, TestData data) {
        List<List<OrderEvent>> pending = byOrder.values().stream().map(ArrayList::new).collect(Collectors.toList());
        List<OrderEvent> events = new ArrayList<>();
        while (!pending.isEmpty()) {
            int pick = data.random().nextInt(pending.size());
            List<OrderEvent> order = pending.get(pick);
            events.add(order.remove(0));
            if (order.isEmpty()) {
                pending.remove(pick);
            }
        }
        return events;
    }

    private static int defaultPartition(String orderId, int partitions) {
        return Cluster.defaultPartition(orderId.getBytes(StandardCharsets.UTF_8), partitions);
    }

    private static String describe(OrderEvent event) {
        return event.orderId() + " " + event.status();
    }

    private static String quoted(String key) {
        return key == null ? "null" : "\"" + key + "\"";
    }
}
