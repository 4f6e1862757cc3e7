package dev.kafkaworkbook.producer;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.List;
import java.util.concurrent.ExecutionException;

public final class OrderEventPublisher {

    private OrderEventPublisher() {
    }

    public static void publish(Producer<String, OrderEvent> producer, String topic, List<OrderEvent> events) {
        try {
            for (OrderEvent event : events) {
                producer.send(new ProducerRecord<>(topic, event.orderId(), event)).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
