package dev.kafkaworkbook.kit.operations;

import dev.kafkaworkbook.kit.grading.Cluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.RetriableException;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Consumer groups as a check builds and reads them with the Admin API: committed offsets set without a consumer, and
 * waits for a group to reach a state.
 */
public final class ConsumerGroups {

    private static final Duration GROUP_WAIT = Duration.ofSeconds(20);

    private ConsumerGroups() {
    }

    /**
     * Commits {@code offsets} for {@code group}, as its consumers would have: the group must have no active member
     * (a group that does not exist yet is created, empty, with these offsets).
     */
    public static void commit(Admin admin, String group, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> commits = offsets.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
        Cluster.get(admin.alterConsumerGroupOffsets(group, commits).all());
    }

    /** The group's committed offsets, partitions without one left out. */
    public static Map<TopicPartition, Long> committed(Admin admin, String group) {
        Map<TopicPartition, Long> committed = new TreeMap<>(Partitions.ORDER);
        Cluster.get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()).forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    public static ConsumerGroupDescription describe(Admin admin, String group) {
        return Cluster.get(admin.describeConsumerGroups(List.of(group)).describedGroups().get(group));
    }

    /**
     * Polls each of {@code members} in turn (a consumer joins its group, and takes its partitions, only in poll())
     * until the group is stable with just these members, each holding exactly its target assignment and together
     * every partition of {@code partitions}, so that what a check reads next does not change under it; then returns
     * the group's description. Members keep their
     * partitions afterwards without polling: their heartbeats run on threads of their own.
     */
    public static ConsumerGroupDescription pollUntilStable(Admin admin, String group,
                                                           List<? extends Consumer<?, ?>> members,
                                                           Collection<TopicPartition> partitions) {
        long deadline = System.nanoTime() + GROUP_WAIT.toNanos();
        Set<TopicPartition> expected = new HashSet<>(partitions);
        while (System.nanoTime() < deadline) {
            members.forEach(member -> member.poll(Duration.ofMillis(50)));
            ConsumerGroupDescription description;
            try {
                description = describe(admin, group);
            } catch (GroupIdNotFoundException | RetriableException changing) {
                // An empty classic group turning into a consumer group, as its first member joins: look again.
                continue;
            }
            if (description.groupState() == GroupState.STABLE && description.members().size() == members.size()
                    && description.members().stream().allMatch(ConsumerGroups::holdsItsTarget)
                    && assigned(description).equals(expected)
                    && members.stream().mapToInt(m -> m.assignment().size()).sum() == expected.size()) {
                return description;
            }
        }
        throw new IllegalStateException("Group " + group + " did not become stable with " + members.size()
                + " members holding " + partitions + " within " + GROUP_WAIT.toSeconds() + " s");
    }

    private static boolean holdsItsTarget(MemberDescription member) {
        return member.targetAssignment().map(target -> target.topicPartitions().equals(member.assignment().topicPartitions()))
                .orElse(true);
    }

    /** Every partition some member of the group holds. */
    private static Set<TopicPartition> assigned(ConsumerGroupDescription description) {
        return description.members().stream().flatMap(m -> m.assignment().topicPartitions().stream())
                .collect(Collectors.toSet());
    }
}
