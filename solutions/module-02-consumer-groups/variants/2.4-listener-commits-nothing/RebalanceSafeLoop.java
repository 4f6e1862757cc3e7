package dev.kafkaworkbook.consumer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Variant, not a reference solution of exercise 2.4: batched commits, and a commit of what is processed when partitions are revoked. */
public final class RebalanceSafeLoop implements Runnable {

    private final Consumer<String, LogEvent> consumer;
    private final String topic;
    private final LogHandler handler;
    private final int commitEvery;
    /** The offset after the last processed record of each partition, not committed yet. */
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    private int sinceLastCommit;

    public RebalanceSafeLoop(Consumer<String, LogEvent> consumer, String topic, LogHandler handler, int commitEvery) {
        this.consumer = consumer;
        this.topic = topic;
        this.handler = handler;
        this.commitEvery = commitEvery;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // Runs inside poll(), before the partitions go: commit what the next owner must not repeat.
                    Map<TopicPartition, OffsetAndMetadata> leaving = new HashMap<>();
                    for (TopicPartition partition : partitions) {
                        OffsetAndMetadata offset = pending.remove(partition);
                        if (offset != null) {
                            leaving.put(partition, offset);
                        }
                    }
                    System.out.println("revoked " + partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // Nothing to do: reading resumes at the committed offsets.
                }
            });
            while (true) {
                for (ConsumerRecord<String, LogEvent> record : consumer.poll(Duration.ofSeconds(1))) {
                    handler.handle(record);
                    pending.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                    if (++sinceLastCommit >= commitEvery) {
                        commitPending();
                    }
                }
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
        sinceLastCommit = 0;
    }

    public void shutdown() {
        consumer.wakeup();
    }
}
