package dev.kafkaworkbook.operations;

import org.apache.kafka.common.TopicPartition;

import java.util.Objects;
import java.util.Set;

/**
 * Given: an alert about one consumer group (exercise 4.6).
 *
 * @param groupId    the group
 * @param reason     why it fires
 * @param partitions the partitions that make it fire: those whose lag passes the threshold ({@link Reason#LAGGING}),
 *                   or those whose committed offset stood still while records arrived ({@link Reason#STUCK})
 */
public record LagAlert(String groupId, Reason reason, Set<TopicPartition> partitions) {

    public LagAlert {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(partitions, "partitions");
    }

    public enum Reason {
        /** More than the allowed number of records wait to be read on a partition. */
        LAGGING,
        /** The group's committed offset did not move since the last look, while new records arrived. */
        STUCK
    }
}
