package dev.kafkaworkbook.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Given: the business logic of the log-processing service (index the line, raise an alert…), one record at a time.
 * The exercises hand you one; call it for every record you poll, on the thread that polled it. When it returns, the
 * record is processed: that is the moment its offset may be committed, not before.
 */
@FunctionalInterface
public interface LogHandler {

    void handle(ConsumerRecord<String, LogEvent> record);
}
