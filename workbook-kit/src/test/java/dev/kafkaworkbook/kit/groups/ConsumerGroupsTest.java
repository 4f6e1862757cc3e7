package dev.kafkaworkbook.kit.groups;

import dev.kafkaworkbook.kit.cluster.EmbeddedKafkaCluster;
import dev.kafkaworkbook.kit.learner.ChildJvm;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group operations on a real broker, and the measurements behind the kit's choice of crash: a child JVM killed with
 * SIGKILL is noticed within the 2 s session under both protocols, while a consumer that is merely abandoned is not a
 * crash, and {@code close(REMAIN_IN_GROUP)} leaves a consumer-protocol group at once.
 */
class ConsumerGroupsTest {

    private static final Duration SETTLE = Duration.ofSeconds(20);

    @TempDir
    static Path workDir;
    static EmbeddedKafkaCluster cluster;
    static Admin admin;
    static ConsumerGroups groups;

    @BeforeAll
    static void start() {
        cluster = EmbeddedKafkaCluster.start(1, workDir);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
        groups = new ConsumerGroups(admin);
    }

    @AfterAll
    static void stop() {
        admin.close(Duration.ofSeconds(5));
        cluster.close();
    }

    private static String topic(int partitions) throws Exception {
        String name = "kit-groups-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        return name;
    }

    private static Properties member(String group, GroupProtocol protocol) {
        Properties config = new Properties();
        config.putAll(ConsumerGroups.memberSettings(protocol));
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return config;
    }

    private static String group(GroupProtocol protocol) {
        String group = "kit-group-" + UUID.randomUUID();
        groups.detectFailuresQuickly(group);
        return group;
    }

    @Test
    void aGroupNobodyJoinedIsDeadAndEmpty() {
        GroupSnapshot none = groups.describe("kit-nobody-" + UUID.randomUUID());
        assertThat(none.state()).isEqualTo(GroupState.DEAD);
        assertThat(none.members()).isEmpty();
        assertThat(none.isSettledOn(1, List.of(new TopicPartition("t", 0)))).isFalse();
    }

    @Test
    void groupConfigsCommittedOffsetsAndLagAreTheBrokers() throws Exception {
        String topic = topic(2);
        String group = group(GroupProtocol.CONSUMER);
        assertThat(groups.configOf(group)).containsEntry(ConsumerGroups.CONSUMER_SESSION_TIMEOUT_MS, "2000")
                .containsEntry(ConsumerGroups.CONSUMER_HEARTBEAT_INTERVAL_MS, "500");
        TopicPartition p0 = new TopicPartition(topic, 0);
        admin.alterConsumerGroupOffsets(group, Map.of(p0, new OffsetAndMetadata(0))).all().get(30, TimeUnit.SECONDS);
        assertThat(groups.committedOffsets(group)).containsExactly(Map.entry(p0, 0L));
        assertThat(groups.lag(group, ConsumerGroups.partitionsOf(topic, 2))).containsEntry(p0, 0L);
        assertThat(groups.delete(group)).isTrue();
        assertThat(groups.committedOffsets(group)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(GroupProtocol.class)
    void membersSettleWithOneOwnerPerPartitionAndTheGroupRunsTheProtocolAsked(GroupProtocol protocol) throws Exception {
        String topic = topic(4);
        String group = group(protocol);
        List<TopicPartition> partitions = ConsumerGroups.partitionsOf(topic, 4);
        try (GroupMember a = GroupMember.start("a", new KafkaConsumer<>(member(group, protocol)), List.of(topic));
             GroupMember b = GroupMember.start("b", new KafkaConsumer<>(member(group, protocol)), List.of(topic))) {
            GroupSnapshot settled = groups.awaitSettled(group, 2, partitions, SETTLE);
            assertThat(settled.isSettledOn(2, partitions)).as("%s", settled).isTrue();
            assertThat(settled.type()).isEqualTo(protocol == GroupProtocol.CLASSIC ? GroupType.CLASSIC : GroupType.CONSUMER);
            assertThat(settled.sharedPartitions()).isEmpty();
        }
        assertThat(groups.awaitEmpty(group, SETTLE).members()).isEmpty();
    }

    /** The crash every check relies on: nothing sent, noticed when the 2 s session expires, under either protocol. */
    @ParameterizedTest
    @EnumSource(GroupProtocol.class)
    void aChildKilledWithSigkillIsNoticedWithinTheSession(GroupProtocol protocol) throws Exception {
        String topic = topic(4);
        String group = group(protocol);
        List<TopicPartition> partitions = ConsumerGroups.partitionsOf(topic, 4);
        try (GroupMember survivor = GroupMember.start("survivor", new KafkaConsumer<>(member(group, protocol)), List.of(topic));
             ChildJvm doomed = ChildGroupMember.start(member(group, protocol), topic)) {
            assertThat(groups.awaitSettled(group, 2, partitions, Duration.ofSeconds(30)).isSettledOn(2, partitions)).isTrue();
            long killed = System.nanoTime();
            doomed.kill();
            GroupSnapshot after = groups.awaitSettled(group, 1, partitions, Duration.ofSeconds(10));
            long noticedMs = (System.nanoTime() - killed) / 1_000_000;
            assertThat(after.isSettledOn(1, partitions)).as("%s", after).isTrue();
            assertThat(noticedMs).as("noticed after %d ms", noticedMs)
                    .isGreaterThanOrEqualTo(ConsumerGroups.SESSION_TIMEOUT.toMillis() / 2).isLessThan(5_000);
        }
    }

    /** Why abandoning a consumer is no crash: its heartbeat keeps it in the group long after it stopped polling. */
    @Test
    void anAbandonedClassicConsumerStaysInTheGroup() throws Exception {
        String topic = topic(2);
        String group = group(GroupProtocol.CLASSIC);
        List<TopicPartition> partitions = ConsumerGroups.partitionsOf(topic, 2);
        Map<String, Object> settings = new HashMap<>();
        member(group, GroupProtocol.CLASSIC).forEach((k, v) -> settings.put(String.valueOf(k), v));
        try (KafkaConsumer<byte[], byte[]> abandoned = new KafkaConsumer<>(settings)) {
            abandoned.subscribe(List.of(topic));
            while (abandoned.assignment().isEmpty()) {
                abandoned.poll(Duration.ofMillis(100));
            }
            // No more polls, no close: three sessions later it is still a member.
            GroupSnapshot later = groups.awaitUntil(group, g -> g.members().isEmpty(), ConsumerGroups.SESSION_TIMEOUT.multipliedBy(3));
            assertThat(later.members()).hasSize(1);
            abandoned.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
        assertThat(groups.awaitEmpty(group, SETTLE).members()).isEmpty();
    }

    /** Why close(REMAIN_IN_GROUP) is no crash under KIP-848: a dynamic member leaves at once all the same. */
    @Test
    void closeRemainInGroupLeavesAConsumerGroupAtOnce() throws Exception {
        String topic = topic(2);
        String group = group(GroupProtocol.CONSUMER);
        Map<String, Object> settings = new HashMap<>();
        member(group, GroupProtocol.CONSUMER).forEach((k, v) -> settings.put(String.valueOf(k), v));
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings);
        consumer.subscribe(List.of(topic));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        long closed = System.nanoTime();
        consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP)
                .withTimeout(Duration.ofSeconds(5)));
        GroupSnapshot after = groups.awaitEmpty(group, SETTLE);
        assertThat(after.members()).isEmpty();
        assertThat((System.nanoTime() - closed) / 1_000_000).isLessThan(ConsumerGroups.SESSION_TIMEOUT.toMillis());
    }
}
