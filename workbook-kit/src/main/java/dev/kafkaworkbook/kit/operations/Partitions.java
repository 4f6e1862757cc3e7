package dev.kafkaworkbook.kit.operations;

import org.apache.kafka.common.TopicPartition;

import java.util.Comparator;

/** Topic partitions in the order the Kafka tools print them: by topic, then by partition. */
public final class Partitions {

    public static final Comparator<TopicPartition> ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private Partitions() {
    }

    /** A copy of {@code byPartition} in that order (TopicPartition has no natural order of its own). */
    public static <V> java.util.SortedMap<TopicPartition, V> sorted(java.util.Map<TopicPartition, V> byPartition) {
        java.util.SortedMap<TopicPartition, V> sorted = new java.util.TreeMap<>(ORDER);
        sorted.putAll(byPartition);
        return sorted;
    }
}
