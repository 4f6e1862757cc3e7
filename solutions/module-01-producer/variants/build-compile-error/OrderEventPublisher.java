package dev.kafkaworkbook.producer;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.List;

public final class OrderEventPublisher {

    private OrderEventPublisher() {
    }

    public static void publish(Producer<String, OrderEvent> producer, String topic, List<OrderEvent> events) {
        for (OrderEvent event : events) {
            // No partition: the producer hashes the key (murmur2), so one order always lands in one partition,
            // and one producer keeps the sending order within a partition.
            producer.send(new ProducerRecord<>(topic, event.orderId(), event))
        }
    }
}
