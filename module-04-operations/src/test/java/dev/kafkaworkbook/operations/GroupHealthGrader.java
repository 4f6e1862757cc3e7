package dev.kafkaworkbook.operations;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.groups.ConsumerGroups;
import dev.kafkaworkbook.kit.operations.Offsets;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Grades exercise 4.2 on groups the grader builds and describes itself: a stable group of two or three members, a
 * group whose members are gone, and a classic group caught mid-rebalance (a member joined, the other has not polled
 * since, so the group waits for it).
 */
@Grader(exercise = "4.2")
class GroupHealthGrader {

    @Order(1)
    @Check(points = 2)
    void aStableGroupWithEachMembersPartitions(Cluster cluster, TestData data, Feedback feedback) {
        String topic = cluster.createTopic("health", data.between(3, 8));
        String group = cluster.newGroupId("stable");
        List<KafkaConsumer<String, String>> members = new ArrayList<>();
        for (int i = data.between(2, 3); i > 0; i--) {
            KafkaConsumer<String, String> member = GroupMembers.join(cluster, group, "classic", data);
            member.subscribe(List.of(topic));
            members.add(member);
        }
        ConsumerGroupDescription described = ConsumerGroups.of(cluster).pollUntilStable(group, members,
                Offsets.partitions(cluster.admin(), topic));

        GroupStatus status = GroupMembers.check(cluster, group, feedback);
        feedback.expectEqual("phase.stable", GroupPhase.STABLE, status.phase());
        feedback.expectEqual("kafkaState", GroupState.STABLE.toString(), status.kafkaState());
        feedback.expectEqual("assignments", GroupMembers.assignments(described), new TreeMap<>(status.assignments()));
    }

    @Order(2)
    @Check
    void aGroupWithoutMembersIsEmpty(Cluster cluster, TestData data, Feedback feedback) {
        String topic = cluster.createTopic("health", data.between(1, 4));
        String group = cluster.newGroupId("empty");
        ConsumerGroups.of(cluster).commit(group, Map.of(new TopicPartition(topic, 0), 0L));

        GroupStatus status = GroupMembers.check(cluster, group, feedback);
        feedback.expectEqual("phase.empty", GroupPhase.EMPTY, status.phase());
        feedback.expectEqual("kafkaState", GroupState.EMPTY.toString(), status.kafkaState());
        feedback.expectEqual("assignments", Map.of(), status.assignments());
    }

    @Order(3)
    @Check(points = 2)
    void aClassicGroupWaitingForAMemberIsRebalancing(Cluster cluster, TestData data, Feedback feedback) {
        String topic = cluster.createTopic("health", data.between(2, 6));
        String group = cluster.newGroupId("rebalancing");
        KafkaConsumer<String, String> first = GroupMembers.join(cluster, group, "classic", data);
        first.subscribe(List.of(topic));
        ConsumerGroups.of(cluster).pollUntilStable(group, List.of(first), Offsets.partitions(cluster.admin(), topic));

        // A second member asks to join; the first one does not poll again, so the group waits for it to rejoin.
        KafkaConsumer<String, String> second = GroupMembers.join(cluster, group, "classic", data);
        second.subscribe(List.of(topic));
        GroupMembers.pollUntil(cluster, group, second, java.util.Set.of(GroupState.PREPARING_REBALANCE));

        GroupStatus status = GroupMembers.check(cluster, group, feedback);
        GroupState after = ConsumerGroups.of(cluster).description(group).groupState();
        if (after != GroupState.PREPARING_REBALANCE) {
            throw new IllegalStateException("The group left PreparingRebalance while it was checked: " + after);
        }
        // The member the group waits for leaves first: the rebalance then ends at once, and the other closes quickly.
        GroupMembers.close(first);
        feedback.expectEqual("phase.rebalancing", GroupPhase.REBALANCING, status.phase());
        feedback.expectEqual("kafkaState", GroupState.PREPARING_REBALANCE.toString(), status.kafkaState());
    }
}
