package dev.kafkaworkbook.consumer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Variant, not a reference solution of exercise 2.5: synchronous commits every maxReplay records, within batches too. */
public final class ResumableLogConsumer implements Runnable {

    private final Consumer<String, LogEvent> consumer;
    private final String topic;
    private final LogHandler handler;
    private final int maxReplay;
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();

    public ResumableLogConsumer(Consumer<String, LogEvent> consumer, String topic, LogHandler handler, int maxReplay) {
        this.consumer = consumer;
        this.topic = topic;
        this.handler = handler;
        this.maxReplay = maxReplay;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic), new org.apache.kafka.clients.consumer.ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
                    consumer.seekToEnd(partitions);
                }
            });
            int sinceLastCommit = 0;
            while (true) {
                for (ConsumerRecord<String, LogEvent> record : consumer.poll(Duration.ofSeconds(1))) {
                    handler.handle(record);
                    pending.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                    // A crash repeats what was processed since the last acknowledged commit: never more than maxReplay.
                    if (++sinceLastCommit == maxReplay) {
                        commitPending();
                        sinceLastCommit = 0;
                    }
                }
                commitPending();
                sinceLastCommit = 0;
            }
        } catch (WakeupException stopRequested) {
            commitPending();
        } finally {
            consumer.close();
        }
    }

    private void commitPending() {
        if (!pending.isEmpty()) {
            consumer.commitSync(Map.copyOf(pending));
            pending.clear();
        }
    }

    public void shutdown() {
        consumer.wakeup();
    }
}
