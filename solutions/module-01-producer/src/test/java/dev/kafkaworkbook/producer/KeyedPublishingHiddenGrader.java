package dev.kafkaworkbook.producer;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.Tally;
import dev.kafkaworkbook.kit.grading.TestData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hidden grader of exercise 1.3 (instructors only): a larger, wider run than the visible one. Hundreds of orders
 * whose ids hold multi-byte characters (their keys hash as UTF-8 bytes), on a topic of 24 to 48 partitions.
 */
@Grader(exercise = "1.3", hidden = true)
class KeyedPublishingHiddenGrader {

    @Order(1)
    @Check(points = 2)
    void manyOrdersWithUnicodeIdsStayKeyedInOrderAndWhereThePartitionerPutsThem(Cluster cluster, TestData data, Feedback feedback) {
        int partitions = data.between(24, 48);
        String topic = cluster.createTopic("orders-wide", partitions);
        List<OrderEvent> events = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        for (String id : data.ids("pedido-ñ-東京", data.between(250, 400))) {
            orders.add(id + "-" + data.trickyText().codePoints().filter(Character::isLetter).limit(3)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append));
        }
        String[] lifecycle = {"created", "paid", "packed", "shipped", "delivered"};
        for (int step = 0; step < lifecycle.length; step++) {
            for (String order : orders) {
                events.add(new OrderEvent(order, lifecycle[step], data.id("customer"), data.between(1, 99_999), 1_700_000_000_000L + step));
            }
        }
        KafkaProducer<String, OrderEvent> producer = cluster.producer(new StringSerializer(),
                OrderEventPublisherJson.serializer(), Map.of());
        feedback.run("publish.hang", () -> OrderEventPublisher.publish(producer, topic, List.copyOf(events)));
        feedback.run("flush.hang", producer::flush);
        List<ConsumerRecord<String, OrderEvent>> records = cluster.readToEnd(topic, new StringDeserializer(),
                OrderEventPublisherJson.deserializer());
        feedback.expectExactlyOnce(Tally.of(events, records.stream().map(ConsumerRecord::value).toList()),
                event -> event.orderId() + " " + event.status());
        Map<String, List<ConsumerRecord<String, OrderEvent>>> byOrder = new LinkedHashMap<>();
        records.forEach(r -> byOrder.computeIfAbsent(r.value().orderId(), id -> new ArrayList<>()).add(r));
        for (Map.Entry<String, List<ConsumerRecord<String, OrderEvent>>> order : byOrder.entrySet()) {
            int expected = Cluster.defaultPartition(order.getKey().getBytes(StandardCharsets.UTF_8), partitions);
            List<String> statuses = order.getValue().stream().map(r -> r.value().status()).toList();
            boolean onItsPartition = order.getValue().stream().allMatch(r -> r.partition() == expected
                    && order.getKey().equals(r.key()));
            feedback.expect("wide.partition", onItsPartition, feedback.text("wide.partition.expected", order.getKey(), expected),
                    feedback.text("wide.partition.observed", order.getValue().stream().map(r -> r.key() + "@" + r.partition()).distinct().toList()));
            feedback.expectEqual("wide.order", List.of(lifecycle), statuses);
        }
    }
}
