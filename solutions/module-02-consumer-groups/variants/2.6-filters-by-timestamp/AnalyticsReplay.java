package dev.kafkaworkbook.consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Variant, not a reference solution of exercise 2.6: assign and seek, no group, nothing committed. */
public final class AnalyticsReplay {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private AnalyticsReplay() {
    }

    public static List<ConsumerRecord<String, LogEvent>> readRange(Properties serviceConfig, TopicPartition partition,
                                                                   long from, long to) {
        try (KafkaConsumer<String, LogEvent> consumer = new KafkaConsumer<>(replayConfig(serviceConfig))) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, from);
            return readUpTo(consumer, Map.of(partition, to));
        }
    }

    public static List<ConsumerRecord<String, LogEvent>> readSince(Properties serviceConfig, String topic, long sinceMs) {
        try (KafkaConsumer<String, LogEvent> consumer = new KafkaConsumer<>(replayConfig(serviceConfig))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(p -> query.put(p, sinceMs));
            Map<TopicPartition, Long> stops = new HashMap<>();
            Map<TopicPartition, Long> starts = new HashMap<>();
            for (TopicPartition partition : partitions) {
                starts.put(partition, 0L);
                stops.put(partition, end.get(partition));
            }
            consumer.assign(starts.keySet());
            starts.forEach(consumer::seek);
            List<ConsumerRecord<String, LogEvent>> records = new ArrayList<>(readUpTo(consumer, stops));
            records.removeIf(record -> record.timestamp() < sinceMs);
            records.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                    : Long.compare(a.offset(), b.offset()));
            return records;
        }
    }

    /** The service's settings without its identity: no group, so nothing can join it or commit for it. */
    private static Properties replayConfig(Properties serviceConfig) {
        Properties config = new Properties();
        config.putAll(serviceConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    /** Polls the assigned partitions until each reaches its stop offset (excluded). */
    private static List<ConsumerRecord<String, LogEvent>> readUpTo(KafkaConsumer<String, LogEvent> consumer,
                                                                   Map<TopicPartition, Long> stops) {
        List<ConsumerRecord<String, LogEvent>> records = new ArrayList<>();
        Map<TopicPartition, Long> left = new HashMap<>(stops);
        left.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, LogEvent> record : consumer.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                Long stop = left.get(partition);
                if (stop != null && record.offset() < stop) {
                    records.add(record);
                }
            }
            left.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        }
        return records;
    }
}
