package dev.kafkaworkbook.kit.operations;

import org.apache.kafka.common.TopicPartition;

import java.util.Comparator;

/** Topic partitions in the order the Kafka tools print them: by topic, then by partition. */
public final class Partitions {

    public static final Comparator<TopicPartition> ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private Partitions() {
    }
}
