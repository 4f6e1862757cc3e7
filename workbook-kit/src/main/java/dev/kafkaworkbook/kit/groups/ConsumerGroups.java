package dev.kafkaworkbook.kit.groups;

import dev.kafkaworkbook.kit.operations.Partitions;
import dev.kafkaworkbook.kit.operations.Offsets;
import java.util.HashSet;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.Consumer;
import dev.kafkaworkbook.kit.grading.Cluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.RetriableException;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Consumer groups as the broker sees them, for checks that judge a group rather than a learner's report of it:
 * who the members are and what each owns ({@code kafka-consumer-groups --describe}), the offsets the group has
 * committed, and the group's own configuration (KIP-848 groups keep their session timeout on the broker).
 *
 * <pre>{@code
 * ConsumerGroups groups = ConsumerGroups.of(cluster);
 * groups.detectFailuresQuickly(group);                       // before the first member joins
 * GroupSnapshot settled = groups.awaitSettled(group, 3, partitions, Duration.ofSeconds(15));
 * feedback.expect("owners", settled.isSettledOn(3, partitions), expected, settled);
 * }</pre>
 *
 * Waits poll the broker: {@code describeConsumerGroups} reports STABLE within milliseconds of the members'
 * rebalance callbacks, so no check needs a sleep.
 */
public final class ConsumerGroups {

    /** How soon the kit's groups notice a member that died: the session timeout they run with. */
    public static final Duration SESSION_TIMEOUT = Duration.ofSeconds(2);
    /** A third of the session, as Kafka recommends: three heartbeats may go missing before a member is declared dead. */
    public static final Duration HEARTBEAT_INTERVAL = Duration.ofMillis(500);

    /** The group configs of KIP-848 (consumer protocol) groups that hold the session, set per group on the broker. */
    public static final String CONSUMER_SESSION_TIMEOUT_MS = "consumer.session.timeout.ms";
    public static final String CONSUMER_HEARTBEAT_INTERVAL_MS = "consumer.heartbeat.interval.ms";

    private static final Duration POLL = Duration.ofMillis(25);
    private static final Duration CONFIG_PROPAGATION = Duration.ofSeconds(10);
    private static final Duration STABLE_WAIT = Duration.ofSeconds(20);

    private final Admin admin;

    public ConsumerGroups(Admin admin) {
        this.admin = admin;
    }

    public static ConsumerGroups of(Cluster cluster) {
        return new ConsumerGroups(cluster.admin());
    }

    /**
     * The client settings of a group member the kit runs under {@code protocol}. Under {@code classic} the member
     * itself asks for a short session; under {@code consumer} the session belongs to the group, on the broker
     * ({@link #detectFailuresQuickly}), and a client that set {@code session.timeout.ms} would be refused.
     */
    public static Map<String, Object> memberSettings(GroupProtocol protocol) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol.name().toLowerCase(java.util.Locale.ROOT));
        if (protocol == GroupProtocol.CLASSIC) {
            settings.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) SESSION_TIMEOUT.toMillis());
            settings.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) HEARTBEAT_INTERVAL.toMillis());
        }
        return settings;
    }

    /**
     * Sets the group's session and heartbeat on the broker ({@link #SESSION_TIMEOUT}, {@link #HEARTBEAT_INTERVAL}),
     * which is what a {@code consumer}-protocol group runs with; classic groups take theirs from each member's
     * {@link #memberSettings}. Call it before the first member joins.
     */
    public void detectFailuresQuickly(String groupId) {
        configure(groupId, Map.of(
                CONSUMER_SESSION_TIMEOUT_MS, String.valueOf(SESSION_TIMEOUT.toMillis()),
                CONSUMER_HEARTBEAT_INTERVAL_MS, String.valueOf(HEARTBEAT_INTERVAL.toMillis())));
    }

    /**
     * Sets group configs ({@code consumer.session.timeout.ms}…) with {@code incrementalAlterConfigs} on the GROUP
     * resource, and returns once the broker serves them: the controller accepts the change first, and the broker that
     * coordinates the group learns of it a moment later.
     */
    public void configure(String groupId, Map<String, String> configs) {
        ConfigResource group = new ConfigResource(ConfigResource.Type.GROUP, groupId);
        List<AlterConfigOp> ops = configs.entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                .collect(Collectors.toList());
        Cluster.get(admin.incrementalAlterConfigs(Map.of(group, ops)).all());
        awaitConfigOf(groupId, set -> set.entrySet().containsAll(configs.entrySet()), CONFIG_PROPAGATION);
    }

    /**
     * The group configs set for {@code groupId} once {@code condition} holds of them, or as they are when {@code within}
     * runs out: a change just accepted by the controller reaches the broker a moment later.
     */
    public Map<String, String> awaitConfigOf(String groupId, Predicate<Map<String, String>> condition, Duration within) {
        AtomicReference<Map<String, String>> last = new AtomicReference<>(Map.of());
        try {
            Awaitility.await("group config of " + groupId).atMost(within).pollDelay(Duration.ZERO).pollInterval(POLL)
                    .ignoreExceptionsMatching(e -> e instanceof RetriableException)
                    .until(() -> {
                        last.set(configOf(groupId));
                        return condition.test(last.get());
                    });
        } catch (ConditionTimeoutException notThere) {
            // The caller judges what the broker serves.
        }
        return last.get();
    }

    /** The group configs set for {@code groupId} on the broker (not the broker-wide defaults it falls back on). */
    public Map<String, String> configOf(String groupId) {
        ConfigResource group = new ConfigResource(ConfigResource.Type.GROUP, groupId);
        Config config = Cluster.get(admin.describeConfigs(List.of(group)).all()).get(group);
        Map<String, String> set = new TreeMap<>();
        for (ConfigEntry entry : config.entries()) {
            if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_GROUP_CONFIG) {
                set.put(entry.name(), entry.value());
            }
        }
        return set;
    }

    /** The group as the broker describes it now; a group nobody ever joined is {@code DEAD} with no member. */
    public GroupSnapshot describe(String groupId) {
        ConsumerGroupDescription description;
        try {
            description = Cluster.get(admin.describeConsumerGroups(List.of(groupId)).all()).get(groupId);
        } catch (GroupIdNotFoundException unknown) {
            return new GroupSnapshot(groupId, GroupState.DEAD, GroupType.UNKNOWN, List.of());
        }
        List<GroupSnapshot.Member> members = description.members().stream()
                .map(m -> new GroupSnapshot.Member(m.consumerId(), m.clientId(), m.groupInstanceId(),
                        Set.copyOf(m.assignment().topicPartitions())))
                .collect(Collectors.toList());
        return new GroupSnapshot(groupId, description.groupState(), description.type(), members);
    }

    /**
     * Waits until the group has settled on {@code members} members sharing {@code partitions}, one owner each
     * ({@link GroupSnapshot#isSettledOn}), and returns the last description either way: the check judges it, and
     * shows it when the group never settled.
     */
    public GroupSnapshot awaitSettled(String groupId, int members, Collection<TopicPartition> partitions, Duration within) {
        return awaitUntil(groupId, group -> group.isSettledOn(members, partitions), within);
    }

    /** Waits until the group has no member left (EMPTY, or DEAD once deleted); returns the last description. */
    public GroupSnapshot awaitEmpty(String groupId, Duration within) {
        return awaitUntil(groupId, group -> group.members().isEmpty(), within);
    }

    /** Polls the group's description until {@code condition} holds or {@code within} runs out; returns the last one. */
    public GroupSnapshot awaitUntil(String groupId, Predicate<GroupSnapshot> condition, Duration within) {
        AtomicReference<GroupSnapshot> last = new AtomicReference<>();
        try {
            Awaitility.await("group " + groupId).atMost(within).pollDelay(Duration.ZERO).pollInterval(POLL)
                    // The coordinator may be loading or moving: ask again.
                    .ignoreExceptionsMatching(e -> e instanceof RetriableException)
                    .until(() -> {
                        last.set(describe(groupId));
                        return condition.test(last.get());
                    });
        } catch (ConditionTimeoutException notSettled) {
            // The check judges the last description, and shows it.
        }
        return last.get() != null ? last.get() : describe(groupId);
    }

    /** Offsets the group has committed, by partition; a partition without a commit is absent. */
    public Map<TopicPartition, Long> committedOffsets(String groupId) {
        Map<TopicPartition, OffsetAndMetadata> committed =
                Cluster.get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> offsets = new TreeMap<>(Partitions.ORDER);
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                offsets.put(partition, offset.offset());
            }
        });
        return offsets;
    }

    /** The next offset to be written to each of {@code partitions}: where a consumer that is done has committed. */
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
        return Offsets.latest(admin, partitions);
    }

    /**
     * Commits {@code offsets} for {@code groupId}, as its consumers would have, with {@code alterConsumerGroupOffsets}:
     * the group must have no active member (a group that does not exist yet is created, empty, with these offsets).
     */
    public void commit(String groupId, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> commits = offsets.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
        Cluster.get(admin.alterConsumerGroupOffsets(groupId, commits).all());
    }

    /** The group's description as the Admin API returns it, for checks comparing a learner's report with it. */
    public ConsumerGroupDescription description(String groupId) {
        return Cluster.get(admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId));
    }

    /**
     * Polls each of {@code members}, consumers the check holds, in turn (a consumer joins its group, and takes its
     * partitions, only in poll()) until the group is stable with just these members, each holding exactly its target
     * assignment and together every partition of {@code partitions}, so that what a check reads next does not change
     * under it; then returns the group's description. Members keep their partitions afterwards without polling:
     * their heartbeats run on threads of their own.
     */
    public ConsumerGroupDescription pollUntilStable(String groupId, List<? extends Consumer<?, ?>> members,
                                                    Collection<TopicPartition> partitions) {
        long deadline = System.nanoTime() + STABLE_WAIT.toNanos();
        Set<TopicPartition> expected = new HashSet<>(partitions);
        while (System.nanoTime() < deadline) {
            members.forEach(member -> member.poll(POLL));
            ConsumerGroupDescription description;
            try {
                description = description(groupId);
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
        throw new IllegalStateException("Group " + groupId + " did not become stable with " + members.size()
                + " members holding " + partitions + " within " + STABLE_WAIT.toSeconds() + " s");
    }

    private static boolean holdsItsTarget(MemberDescription member) {
        return member.targetAssignment().map(target -> target.topicPartitions().equals(member.assignment().topicPartitions()))
                .orElse(true);
    }

    private static Set<TopicPartition> assigned(ConsumerGroupDescription description) {
        return description.members().stream().flatMap(m -> m.assignment().topicPartitions().stream())
                .collect(Collectors.toSet());
    }

    /**
     * Records not yet committed by the group, per partition ({@code LAG} in {@code kafka-consumer-groups --describe}):
     * end offset minus committed offset, or the whole partition where nothing is committed.
     */
    public Map<TopicPartition, Long> lag(String groupId, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> committed = committedOffsets(groupId);
        Map<TopicPartition, Long> lag = new TreeMap<>(Partitions.ORDER);
        endOffsets(partitions).forEach((partition, end) -> lag.put(partition, end - committed.getOrDefault(partition, 0L)));
        return lag;
    }

    /** Deletes the group and its committed offsets; a group that is gone already, or still has members, is left. */
    public boolean delete(String groupId) {
        try {
            Cluster.get(admin.deleteConsumerGroups(List.of(groupId)).all());
            return true;
        } catch (GroupIdNotFoundException | GroupNotEmptyException notDeleted) {
            return false;
        }
    }

    /** The partitions of {@code topic}, numbered 0 to {@code partitions - 1}. */
    public static List<TopicPartition> partitionsOf(String topic, int partitions) {
        return java.util.stream.IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
    }
}
