package dev.kafkaworkbook.operations;

import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.groups.ConsumerGroups;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What the graders of exercise 4.2, visible and hidden, do with groups: members of either protocol, and the learner's look. */
final class GroupMembers {

    /** A rebalance waits for a member that does not poll for at most this long: longer than any check takes. */
    private static final int REBALANCE_TIMEOUT_MS = 60_000;

    private GroupMembers() {
    }

    /** A consumer of the grader's (closed after the check) in {@code group}, speaking {@code protocol}. */
    static KafkaConsumer<String, String> join(Cluster cluster, String group, String protocol, TestData data) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol,
                ConsumerConfig.CLIENT_ID_CONFIG, data.id("member"),
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, REBALANCE_TIMEOUT_MS));
        if (protocol.equals("classic")) {
            // A classic member hears of a rebalance in a heartbeat's answer: every 3 s by default, seconds a check waits.
            config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 100);
        }
        return cluster.consumer(new StringDeserializer(), new StringDeserializer(), config);
    }

    /** Closes a member now, within a bound (the check closes it again, harmlessly, when it ends). */
    static void close(KafkaConsumer<String, String> member) {
        member.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }

    /** Polls {@code member} until the group is in one of {@code states}. */
    static void pollUntil(Cluster cluster, String group, KafkaConsumer<String, String> member, Set<GroupState> states) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!states.contains(ConsumerGroups.of(cluster).description(group).groupState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Group " + group + " did not reach " + states + " within 20 s");
            }
            member.poll(Duration.ofMillis(100));
        }
    }

    /** The learner's report on {@code group}, never null. */
    static GroupStatus check(Cluster cluster, String group, Feedback feedback) {
        GroupStatus status = feedback.call("check.hang", () -> GroupHealth.check(cluster.admin(), group));
        feedback.expect("check.null", status != null, feedback.text("check.null.expected"), "null");
        return status;
    }

    /** Each member's partitions as the broker describes them, by member id, for comparison with the learner's map. */
    static Map<String, Set<TopicPartition>> assignments(ConsumerGroupDescription group) {
        Map<String, Set<TopicPartition>> assignments = new TreeMap<>();
        for (MemberDescription member : group.members()) {
            assignments.put(member.consumerId(), Set.copyOf(member.assignment().topicPartitions()));
        }
        return assignments;
    }
}
