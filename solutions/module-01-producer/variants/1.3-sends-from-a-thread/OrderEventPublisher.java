package dev.kafkaworkbook.producer;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.List;

/** Exercise 1.3, a plausible wrong answer: the sending is moved to a thread of its own, not waited for. */
public final class OrderEventPublisher {

    private OrderEventPublisher() {
    }

    public static void publish(Producer<String, OrderEvent> producer, String topic, List<OrderEvent> events) {
        Thread sender = new Thread(() -> {
            for (OrderEvent event : events) {
                producer.send(new ProducerRecord<>(topic, event.orderId(), event));
            }
        }, "order-sender");
        sender.start();
    }
}
