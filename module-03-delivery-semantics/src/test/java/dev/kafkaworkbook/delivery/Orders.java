package dev.kafkaworkbook.delivery;

import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.groups.ConsumerGroups;
import dev.kafkaworkbook.kit.learner.ConsumerJournal.Position;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The order events of module 3's graders: random orders of a few events each, published with the grader's own
 * producer, and the settings of the consumers the grader builds for the learner's processors. No grader takes its
 * input from a learner's answer to another exercise.
 */
final class Orders {

    private Orders() {
    }

    /** What landed where, in the order it was published. */
    record Published(Map<Position, OrderEvent> events) {
        List<Position> positions() {
            return List.copyOf(events.keySet());
        }

        /** Each event once, by its natural key, whatever the number of copies on the topic. */
        List<String> naturalKeys() {
            return events.values().stream().map(Orders::naturalKey).distinct().toList();
        }

        /** What each order's events add up to, each event counted once. */
        Map<String, Long> totalsByOrder() {
            Map<String, Long> totals = new LinkedHashMap<>();
            Map<String, OrderEvent> once = new LinkedHashMap<>();
            events.values().forEach(e -> once.putIfAbsent(naturalKey(e), e));
            once.values().forEach(e -> totals.merge(e.orderId(), e.amountCents(), Long::sum));
            return totals;
        }
    }

    /** {@code order-4f2a91/e3}: an event's natural key as the feedback shows it. */
    static String naturalKey(OrderEvent event) {
        return event.orderId() + "/" + event.eventId();
    }

    /**
     * {@code orders} random orders of 1 to 5 events each ({@code e1}, {@code e2}… within each order), interleaved as
     * a real stream of orders is, with a few customers between them and amounts that may be refunds.
     */
    static List<OrderEvent> randomEvents(TestData data, int orders) {
        List<String> customers = data.ids("customer", data.between(4, 7));
        List<List<OrderEvent>> byOrder = new ArrayList<>();
        for (String order : data.ids("order", orders)) {
            String customer = data.pick(customers);
            List<OrderEvent> events = new ArrayList<>();
            int count = data.between(1, 5);
            for (int i = 1; i <= count; i++) {
                long amount = data.random().nextInt(10) == 0 ? -data.between(100, 2_000) : data.between(100, 20_000);
                events.add(new OrderEvent(order, "e" + i, customer, amount, System.currentTimeMillis()));
            }
            byOrder.add(events);
        }
        List<OrderEvent> interleaved = new ArrayList<>();
        while (!byOrder.isEmpty()) {
            List<OrderEvent> next = byOrder.get(data.random().nextInt(byOrder.size()));
            interleaved.add(next.remove(0));
            if (next.isEmpty()) {
                byOrder.remove(next);
            }
        }
        return interleaved;
    }

    /**
     * {@code events} with about one in {@code oneIn} sent a second time later on, as an upstream that retried a send
     * would: same natural key, a later {@code emittedAt}, so other bytes at another offset.
     */
    static List<OrderEvent> withUpstreamRetries(TestData data, List<OrderEvent> events, int oneIn) {
        List<OrderEvent> sent = new ArrayList<>(events);
        for (OrderEvent event : events) {
            if (data.random().nextInt(oneIn) == 0) {
                int later = data.between(sent.indexOf(event) + 1, sent.size());
                sent.add(later, new OrderEvent(event.orderId(), event.eventId(), event.customer(), event.amountCents(),
                        event.emittedAt() + data.between(1, 5_000)));
            }
        }
        return sent;
    }

    /** Publishes {@code events} keyed by order id, in order, and waits for every acknowledgement. */
    static Published publish(Cluster cluster, String topic, List<OrderEvent> events) {
        KafkaProducer<String, OrderEvent> producer = cluster.producer(new StringSerializer(), new OrderEventSerializer(),
                Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0));
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        events.forEach(e -> acks.add(producer.send(new ProducerRecord<>(topic, e.orderId(), e))));
        Map<Position, OrderEvent> published = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            RecordMetadata written = await(acks.get(i));
            published.put(new Position(new TopicPartition(written.topic(), written.partition()), written.offset()), events.get(i));
        }
        return new Published(published);
    }

    private static RecordMetadata await(Future<RecordMetadata> ack) {
        try {
            return ack.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The grader's own record was not acknowledged: " + e, e);
        }
    }

    /**
     * The settings of the consumer the grader gives a learner's processor: a group with the kit's 2 s session, manual
     * commits, a new group reading from the start, small batches (so a crash can fall in the middle of one), and a
     * static member id shared by the instance that crashes and the one that takes over, which then gets the
     * partitions at once instead of after the dead member's session.
     */
    static Map<String, Object> processorSettings(String group, String instance, int maxPollRecords) {
        Map<String, Object> settings = new HashMap<>(ConsumerGroups.memberSettings(GroupProtocol.CLASSIC));
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        settings.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instance);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        return settings;
    }

    /** Everything on {@code topic} as events, as a consumer of the given isolation level reads it. */
    static List<ConsumerRecord<String, OrderEvent>> read(Cluster cluster, String topic, IsolationLevel isolation) {
        return cluster.readToEnd(topic, new StringDeserializer(), new OrderEventDeserializer(), isolation);
    }
}
