package dev.kafkaworkbook.kit.groups;

import dev.kafkaworkbook.kit.operations.Partitions;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A consumer group as the broker described it at one moment, the facts {@code kafka-consumer-groups --describe}
 * prints: its state, its protocol, its members and the partitions each one owns.
 *
 * @param state   {@code STABLE}, {@code EMPTY}, {@code PREPARING_REBALANCE}…; {@code DEAD} for a group that does not exist
 * @param type    {@code CLASSIC} or {@code CONSUMER} (KIP-848), the protocol the group runs
 * @param members the members, in the order of their client ids
 */
public record GroupSnapshot(String groupId, GroupState state, GroupType type, List<Member> members) {

    /** One member of the group: who it is, and what the coordinator has assigned to it. */
    public record Member(String memberId, String clientId, Optional<String> instanceId, Set<TopicPartition> partitions) {

        @Override
        public String toString() {
            return clientId + instanceId.map(id -> " (" + id + ")").orElse("") + " -> " + shortNames(partitions);
        }
    }

    public GroupSnapshot {
        members = members.stream().sorted(Comparator.comparing(Member::clientId).thenComparing(Member::memberId)).toList();
    }

    public boolean isStable() {
        return state == GroupState.STABLE;
    }

    /** For each partition some member owns, the members that own it: one each, in a healthy group. */
    public Map<TopicPartition, List<Member>> owners() {
        Map<TopicPartition, List<Member>> owners = new TreeMap<>(Partitions.ORDER);
        for (Member member : members) {
            member.partitions().forEach(p -> owners.computeIfAbsent(p, k -> new ArrayList<>()).add(member));
        }
        return owners;
    }

    /** Every partition owned by some member. */
    public Set<TopicPartition> ownedPartitions() {
        return owners().keySet();
    }

    /**
     * STABLE with exactly {@code memberCount} members, each owning at least one partition, and every one of
     * {@code partitions} owned by exactly one member: a group that has finished rebalancing onto its members.
     */
    public boolean isSettledOn(int memberCount, Collection<TopicPartition> partitions) {
        Map<TopicPartition, List<Member>> owners = owners();
        boolean everyMemberWorks = memberCount > partitions.size() || members.stream().noneMatch(m -> m.partitions().isEmpty());
        return isStable() && members.size() == memberCount && everyMemberWorks
                && owners.keySet().equals(Set.copyOf(partitions))
                && owners.values().stream().allMatch(list -> list.size() == 1);
    }

    /** Partitions owned by more than one member: never in a healthy group. */
    public Map<TopicPartition, List<Member>> sharedPartitions() {
        Map<TopicPartition, List<Member>> shared = new TreeMap<>(Partitions.ORDER);
        owners().forEach((partition, owners) -> {
            if (owners.size() > 1) {
                shared.put(partition, owners);
            }
        });
        return shared;
    }

    /** {@code STABLE (classic), 2 members: consumer-1 -> [0, 1, 2]; consumer-2 -> [3, 4, 5]}, as a learner reads it. */
    @Override
    public String toString() {
        String who = members.isEmpty() ? "no member"
                : members.size() + (members.size() == 1 ? " member: " : " members: ")
                + members.stream().map(Member::toString).collect(Collectors.joining("; "));
        return state + " (" + type.toString().toLowerCase(java.util.Locale.ROOT) + "), " + who;
    }


    /** Partitions by number when they share one topic ({@code [0, 1, 2]}), else in full ({@code [t-0, u-1]}). */
    static String shortNames(Collection<TopicPartition> partitions) {
        List<TopicPartition> sorted = partitions.stream().sorted(Partitions.ORDER).toList();
        boolean oneTopic = sorted.stream().map(TopicPartition::topic).distinct().count() <= 1;
        return sorted.stream().map(p -> oneTopic ? String.valueOf(p.partition()) : p.toString())
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
