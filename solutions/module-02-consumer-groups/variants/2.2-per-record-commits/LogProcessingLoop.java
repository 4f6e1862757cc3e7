package dev.kafkaworkbook.consumer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.List;

/** Variant, not a reference solution of exercise 2.2: poll, process, commit; wakeup() to stop; close in finally. */
public final class LogProcessingLoop implements Runnable {

    private final Consumer<String, LogEvent> consumer;
    private final String topic;
    private final LogHandler handler;

    public LogProcessingLoop(Consumer<String, LogEvent> consumer, String topic, LogHandler handler) {
        this.consumer = consumer;
        this.topic = topic;
        this.handler = handler;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (true) {
                ConsumerRecords<String, LogEvent> records = consumer.poll(Duration.ofSeconds(1));
                for (ConsumerRecord<String, LogEvent> record : records) {
                    handler.handle(record);
                    consumer.commitSync(java.util.Map.of(new org.apache.kafka.common.TopicPartition(record.topic(), record.partition()),
                            new org.apache.kafka.clients.consumer.OffsetAndMetadata(record.offset() + 1)));
                }
            }
        } catch (WakeupException stopRequested) {
            // shutdown() was called: leave the loop.
        } finally {
            consumer.close();
        }
    }

    public void shutdown() {
        consumer.wakeup();
    }
}
