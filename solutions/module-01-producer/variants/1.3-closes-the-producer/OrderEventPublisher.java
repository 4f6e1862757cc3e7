package dev.kafkaworkbook.producer;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.List;

public final class OrderEventPublisher {

    private OrderEventPublisher() {
    }

    public static void publish(Producer<String, OrderEvent> producer, String topic, List<OrderEvent> events) {
        for (OrderEvent event : events) {
            producer.send(new ProducerRecord<>(topic, event.orderId(), event));
        }
        producer.close();
    }
}
