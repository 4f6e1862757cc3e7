package dev.kafkaworkbook.operations;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.groups.ConsumerGroups;
import dev.kafkaworkbook.kit.operations.Offsets;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Order;

import java.util.List;
import java.util.Set;

/**
 * Hidden grader of exercise 4.2 (instructors only). The visible checks rebalance a classic group; here a group of
 * the consumer protocol (KIP-848) is caught while it hands partitions out again, under the state names that protocol
 * uses, and a group the cluster never knew must be told apart from an empty one.
 */
@Grader(exercise = "4.2", hidden = true)
class GroupHealthHiddenGrader {

    private static final Set<GroupState> HANDING_OUT = Set.of(GroupState.ASSIGNING, GroupState.RECONCILING);

    @Order(1)
    @Check
    void aConsumerProtocolGroupHandingOutPartitionsIsRebalancing(Cluster cluster, TestData data, Feedback feedback) {
        String topic = cluster.createTopic("health-848", data.between(2, 6));
        String group = cluster.newGroupId("rebalancing-848");
        KafkaConsumer<String, String> first = GroupMembers.join(cluster, group, "consumer", data);
        first.subscribe(List.of(topic));
        ConsumerGroups.of(cluster).pollUntilStable(group, List.of(first), Offsets.partitions(cluster.admin(), topic));

        // The first member must give partitions up, which it does only in poll(): it does not poll again.
        KafkaConsumer<String, String> second = GroupMembers.join(cluster, group, "consumer", data);
        second.subscribe(List.of(topic));
        GroupMembers.pollUntil(cluster, group, second, HANDING_OUT);

        GroupStatus status = GroupMembers.check(cluster, group, feedback);
        GroupState after = ConsumerGroups.of(cluster).description(group).groupState();
        if (!HANDING_OUT.contains(after)) {
            throw new IllegalStateException("The group stopped rebalancing while it was checked: " + after);
        }
        GroupMembers.close(first);
        feedback.expectEqual("phase.rebalancing", GroupPhase.REBALANCING, status.phase());
        feedback.expectEqual("kafkaState", after.toString(), status.kafkaState());
    }

    @Order(2)
    @Check
    void aGroupTheClusterDoesNotKnowIsGone(Cluster cluster, Feedback feedback) {
        String group = cluster.newGroupId("never-existed");
        GroupStatus status = GroupMembers.check(cluster, group, feedback);
        feedback.expectEqual("phase.gone", GroupPhase.GONE, status.phase());
        feedback.expectEqual("kafkaState", GroupState.UNKNOWN.toString(), status.kafkaState());
        feedback.expectEqual("assignments", java.util.Map.of(), status.assignments());
    }
}
