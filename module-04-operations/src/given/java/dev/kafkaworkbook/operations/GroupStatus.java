package dev.kafkaworkbook.operations;

import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Given: the health of one consumer group (exercise 4.2).
 *
 * @param groupId     the group
 * @param phase       stable, rebalancing, empty or gone
 * @param kafkaState  the state Kafka reports, as it names it ({@code "Stable"}, {@code "PreparingRebalance"},
 *                    {@code "Assigning"}…), or {@code "Unknown"} for a group that does not exist
 * @param assignments the partitions each member holds, by member id ({@code CONSUMER-ID}); empty without members
 */
public record GroupStatus(String groupId, GroupPhase phase, String kafkaState,
                          Map<String, Set<TopicPartition>> assignments) {

    public GroupStatus {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(assignments, "assignments (an empty map where there are no members)");
    }

    /** How many members the group has. */
    public int members() {
        return assignments.size();
    }
}
