package dev.kafkaworkbook.producer;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Exercise 1.3, correct another way: a single-thread executor, shut down and awaited before returning. */
public final class OrderEventPublisher {

    private OrderEventPublisher() {
    }

    public static void publish(Producer<String, OrderEvent> producer, String topic, List<OrderEvent> events) {
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            for (OrderEvent event : events) {
                sender.submit(() -> producer.send(new ProducerRecord<>(topic, event.orderId(), event)));
            }
        } finally {
            sender.shutdown();
        }
        try {
            if (!sender.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the events were not all sent within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        }
    }
}
