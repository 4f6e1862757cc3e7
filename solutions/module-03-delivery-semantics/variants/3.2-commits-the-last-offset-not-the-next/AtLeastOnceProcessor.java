package dev.kafkaworkbook.delivery;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reference solution of exercise 3.2: each batch is committed (synchronously) once all of it is processed. */
public final class AtLeastOnceProcessor implements Runnable {

    private final Consumer<String, OrderEvent> consumer;
    private final String topic;
    private final OrderHandler handler;

    public AtLeastOnceProcessor(Consumer<String, OrderEvent> consumer, String topic, OrderHandler handler) {
        this.consumer = consumer;
        this.topic = topic;
        this.handler = handler;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (true) {
                ConsumerRecords<String, OrderEvent> records = consumer.poll(Duration.ofSeconds(1));
                if (records.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> last = new HashMap<>();
                for (ConsumerRecord<String, OrderEvent> record : records) {
                    handler.handle(record);
                    last.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset()));
                }
                consumer.commitSync(last);
            }
        } catch (WakeupException stopRequested) {
            // shutdown() asked.
        } finally {
            consumer.close();
        }
    }

    public void shutdown() {
        consumer.wakeup();
    }
}
