package dev.kafkaworkbook.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Given: the business logic of the order service (charge the card, send the e-mail…), one record at a time. Call it
 * on the thread that polled the record. When it returns, the record is processed; when it throws, it is not.
 */
@FunctionalInterface
public interface OrderHandler {

    void handle(ConsumerRecord<String, OrderEvent> record);
}
