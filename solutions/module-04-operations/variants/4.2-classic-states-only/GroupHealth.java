package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Exercise 4.2., a plausible wrong answer: only the classic protocol rebalance states */
public final class GroupHealth {

    private GroupHealth() {
    }

    public static GroupStatus check(Admin admin, String groupId) throws Exception {
        ConsumerGroupDescription group;
        try {
            group = admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return new GroupStatus(groupId, GroupPhase.GONE, GroupState.UNKNOWN.toString(), Map.of());
            }
            throw e;
        }
        Map<String, Set<TopicPartition>> assignments = new HashMap<>();
        for (MemberDescription member : group.members()) {
            assignments.put(member.consumerId(), Set.copyOf(member.assignment().topicPartitions()));
        }
        return new GroupStatus(groupId, phaseOf(group.groupState()), group.groupState().toString(), assignments);
    }

    private static GroupPhase phaseOf(GroupState state) {
        return switch (state) {
            case STABLE -> GroupPhase.STABLE;
            case PREPARING_REBALANCE, COMPLETING_REBALANCE -> GroupPhase.REBALANCING;
            case EMPTY -> GroupPhase.EMPTY;
            default -> GroupPhase.GONE;
        };
    }
}
