package dev.kafkaworkbook.consumer;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.groups.ChildGroupMember;
import dev.kafkaworkbook.kit.groups.ConsumerGroups;
import dev.kafkaworkbook.kit.groups.GroupMember;
import dev.kafkaworkbook.kit.groups.GroupSnapshot;
import dev.kafkaworkbook.kit.groups.MemberConfigs;
import dev.kafkaworkbook.kit.learner.ChildJvm;
import dev.kafkaworkbook.kit.learner.SharedRun;
import dev.kafkaworkbook.kit.sandbox.Console;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Grades exercise 2.7 under both group protocols: the member configuration as KafkaConsumer resolves it, the group
 * configs on the broker, and, on the broker, how soon a group of members built from the learner's configuration
 * notices a member that crashed for real (a child JVM killed with SIGKILL). An ungraded lab prints, per protocol,
 * how long the group took to settle when a member joined, left and crashed.
 */
@Grader(exercise = "2.7")
class GroupProtocolGrader {

    private static final int SESSION_MS = 2_000;
    private static final int MIN_SESSION_MS = 500;
    private static final int PARTITIONS = 4;
    private static final Duration SETTLE = Duration.ofSeconds(15);
    /** The child JVM starts, then joins: a few seconds on a busy machine. */
    private static final Duration CHILD_JOINS = Duration.ofSeconds(25);
    /** A 2 s session, then one rebalance: what a group that notices "within 2 s" needs at most. */
    private static final Duration NOTICED = Duration.ofMillis(5_000);
    private static final Duration WAITED = Duration.ofSeconds(8);
    /** A group config accepted by the controller is served by the broker within milliseconds; a bound for a busy machine. */
    private static final Duration CONFIG_REACHES_BROKER = Duration.ofSeconds(5);

    /** Both protocols' labs, run side by side by the first crash check; each crash check judges its own. */
    private static final SharedRun<Labs> LABS = new SharedRun<>();
    /** Each lab waits mostly on the broker and on 2 s sessions; far more than that means something hangs. */
    private static final Duration LAB_LIMIT = Duration.ofSeconds(90);

    @Order(1)
    @Check
    void classicMembersStateTheirOwnShortSession(TestData data, Feedback feedback) {
        Properties config = memberConfig(data.id("broker") + ":9092", data.id("group"), GroupProtocol.CLASSIC, feedback);
        ConsumerConfig effective = MemberConfigs.effective(config, feedback);
        expectMember(effective, GroupProtocol.CLASSIC, feedback);
        int session = effective.getInt(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG);
        int heartbeat = effective.getInt(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG);
        feedback.expect("classic.session", session >= MIN_SESSION_MS && session <= SESSION_MS && heartbeat * 3 <= session,
                feedback.text("session.expected", MIN_SESSION_MS, SESSION_MS),
                "session.timeout.ms=" + session + ", heartbeat.interval.ms=" + heartbeat);
    }

    @Order(2)
    @Check
    void consumerMembersLeaveTheSessionToTheBroker(TestData data, Feedback feedback) {
        Properties config = memberConfig(data.id("broker") + ":9092", data.id("group"), GroupProtocol.CONSUMER, feedback);
        expectMember(MemberConfigs.effective(config, feedback), GroupProtocol.CONSUMER, feedback);
    }

    @Order(3)
    @Check
    void consumerGroupsKeepTheirSessionOnTheBroker(Cluster cluster, Feedback feedback) {
        ConsumerGroups groups = ConsumerGroups.of(cluster);
        String classic = cluster.newGroupId("logs-classic");
        feedback.run("prepare.hang", () -> GroupProtocolSetup.prepareGroup(cluster.admin(), classic, GroupProtocol.CLASSIC));
        String group = cluster.newGroupId("logs-consumer");
        feedback.run("prepare.hang", () -> GroupProtocolSetup.prepareGroup(cluster.admin(), group, GroupProtocol.CONSUMER));
        Map<String, String> set = groups.awaitConfigOf(group, configs -> configs.containsKey(ConsumerGroups.CONSUMER_SESSION_TIMEOUT_MS),
                CONFIG_REACHES_BROKER);
        int session = number(set.get(ConsumerGroups.CONSUMER_SESSION_TIMEOUT_MS));
        int heartbeat = number(set.get(ConsumerGroups.CONSUMER_HEARTBEAT_INTERVAL_MS));
        feedback.expect("groupConfig", session >= 1_000 && session <= SESSION_MS && heartbeat > 0 && heartbeat * 3 <= session,
                feedback.text("groupConfig.expected", group, SESSION_MS), set.isEmpty() ? feedback.text("groupConfig.none") : set);
    }

    @Order(4)
    @Check(points = 2)
    void aCrashedClassicMemberIsNoticedWithinTwoSeconds(Cluster cluster, TestData data, Feedback feedback) {
        judgeCrash(LABS.get(() -> Labs.run(cluster, feedback)).of(GroupProtocol.CLASSIC), feedback);
    }

    @Order(5)
    @Check(points = 2)
    void aCrashedConsumerMemberIsNoticedWithinTwoSeconds(Cluster cluster, TestData data, Feedback feedback) {
        judgeCrash(LABS.get(() -> Labs.run(cluster, feedback)).of(GroupProtocol.CONSUMER), feedback);
    }

    private static void judgeCrash(Lab lab, Feedback feedback) {
        GroupType type = lab.protocol() == GroupProtocol.CLASSIC ? GroupType.CLASSIC : GroupType.CONSUMER;
        feedback.expect("type", lab.withCrashable().type() == type, feedback.text("type.expected", type), lab.withCrashable());
        feedback.expect("noticed", lab.afterCrash().isSettledOn(1, lab.partitions()) && lab.noticedIn().compareTo(NOTICED) <= 0,
                feedback.text("noticed.expected", NOTICED.toMillis()),
                feedback.text("noticed.observed", lab.noticedIn().toMillis(), lab.afterCrash()));
    }

    /** The two labs, each with what it found or why it failed. */
    private record Labs(CompletableFuture<Lab> classic, CompletableFuture<Lab> consumer) {

        /**
         * Runs the consumer-protocol lab on a thread of this check's scope while this thread runs the classic one: they
         * share nothing but the broker and spend most of their time waiting on it. Both are over when this returns.
         */
        static Labs run(Cluster cluster, Feedback feedback) throws InterruptedException {
            CompletableFuture<Lab> consumer = new CompletableFuture<>();
            Thread side = new Thread(() -> attempt(consumer, () -> Lab.run(cluster, feedback, GroupProtocol.CONSUMER)),
                    "lab-consumer-protocol");
            side.start();
            CompletableFuture<Lab> classic = new CompletableFuture<>();
            attempt(classic, () -> Lab.run(cluster, feedback, GroupProtocol.CLASSIC));
            side.join(LAB_LIMIT.toMillis());
            if (!consumer.isDone()) {
                consumer.completeExceptionally(new IllegalStateException("The consumer-protocol lab did not end within "
                        + LAB_LIMIT.toSeconds() + " s"));
            }
            return new Labs(classic, consumer);
        }

        private static void attempt(CompletableFuture<Lab> result, java.util.concurrent.Callable<Lab> lab) {
            try {
                result.complete(lab.call());
            } catch (Throwable failed) {
                result.completeExceptionally(failed);
            }
        }

        /** The lab of {@code protocol}, or what it threw (a TODO, a wrong answer found on the way), rethrown as it was. */
        Lab of(GroupProtocol protocol) {
            try {
                return (protocol == GroupProtocol.CLASSIC ? classic : consumer).join();
            } catch (CompletionException failed) {
                if (failed.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (failed.getCause() instanceof Error error) {
                    throw error;
                }
                throw failed;
            }
        }
    }

    /**
     * One protocol's run, on the broker: a member, a second one joining and leaving (timed, for the lab), a third in
     * a child JVM joining and then killed; the group described after each step.
     */
    record Lab(GroupProtocol protocol, List<TopicPartition> partitions, Duration joined, Duration left,
               GroupSnapshot withCrashable, Duration noticedIn, GroupSnapshot afterCrash) {

        static Lab run(Cluster cluster, Feedback feedback, GroupProtocol protocol) {
            ConsumerGroups groups = ConsumerGroups.of(cluster);
            String topic = cluster.createTopic("logs", PARTITIONS);
            List<TopicPartition> partitions = ConsumerGroups.partitionsOf(topic, PARTITIONS);
            String group = cluster.newGroupId("logs-" + protocol.name().toLowerCase(Locale.ROOT));
            feedback.run("prepare.hang", () -> GroupProtocolSetup.prepareGroup(cluster.admin(), group, protocol));
            if (protocol == GroupProtocol.CONSUMER) {
                // What prepareGroup() set reaches the coordinating broker a moment after the admin call returns.
                groups.awaitConfigOf(group, configs -> configs.containsKey(ConsumerGroups.CONSUMER_SESSION_TIMEOUT_MS),
                        CONFIG_REACHES_BROKER);
            }
            Properties config = memberConfig(cluster.bootstrapServers(), group, protocol, feedback);
            MemberConfigs.effective(config, feedback);

            // Its JVM boots while the lab measures; it joins when signalled.
            ChildJvm crashable = cluster.closeAfterCheck(ChildGroupMember.startEarly(config, topic));
            GroupMember first = cluster.closeAfterCheck(GroupMember.start("member-1", member(config), List.of(topic)));
            GroupSnapshot one = groups.awaitSettled(group, 1, partitions, SETTLE);
            feedback.expect("join", one.isSettledOn(1, partitions), feedback.text("join.expected"),
                    first.failure().map(Object::toString).orElse(one.toString()));
            long began = System.nanoTime();
            GroupMember second = cluster.closeAfterCheck(GroupMember.start("member-2", member(config), List.of(topic)));
            GroupSnapshot two = groups.awaitSettled(group, 2, partitions, SETTLE);
            Duration joined = since(began);
            feedback.expect("join", two.isSettledOn(2, partitions), feedback.text("join.expected"), two);
            began = System.nanoTime();
            second.close();
            groups.awaitSettled(group, 1, partitions, SETTLE);
            Duration left = since(began);

            try (crashable) {
                crashable.signal(ChildGroupMember.JOIN);
                GroupSnapshot withCrashable = groups.awaitSettled(group, 2, partitions, CHILD_JOINS);
                crashable.rethrowIfThrew();
                feedback.expect("join", withCrashable.isSettledOn(2, partitions), feedback.text("join.expected"), withCrashable);
                began = System.nanoTime();
                crashable.kill();
                GroupSnapshot afterCrash = groups.awaitSettled(group, 1, partitions, WAITED);
                Duration noticed = since(began);
                Console.out().println(feedback.text("lab", protocol.name().toLowerCase(Locale.ROOT), joined.toMillis(),
                        left.toMillis(), afterCrash.isSettledOn(1, partitions) ? noticed.toMillis() : "> " + WAITED.toMillis()));
                first.close();
                return new Lab(protocol, partitions, joined, left, withCrashable, noticed, afterCrash);
            }
        }

        /** A member built from the learner's configuration; KafkaConsumer refuses what the protocol forbids. */
        private static KafkaConsumer<Object, Object> member(Properties config) {
            Properties copy = new Properties();
            copy.putAll(config);
            copy.putIfAbsent(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
            copy.putIfAbsent(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
            return new KafkaConsumer<>(copy);
        }

        private static Duration since(long began) {
            return Duration.ofNanos(System.nanoTime() - began);
        }
    }

    private static Properties memberConfig(String bootstrap, String group, GroupProtocol protocol, Feedback feedback) {
        Properties config = feedback.call("config.hang", () -> GroupProtocolSetup.memberConfig(bootstrap, group, protocol));
        feedback.expect("config.null", config != null, "Properties", null);
        feedback.expectEqual("bootstrap", bootstrap, config.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
        feedback.expectEqual("group", group, String.valueOf(config.get(ConsumerConfig.GROUP_ID_CONFIG)));
        return config;
    }

    private static void expectMember(ConsumerConfig effective, GroupProtocol protocol, Feedback feedback) {
        String asked = effective.getString(ConsumerConfig.GROUP_PROTOCOL_CONFIG).toLowerCase(Locale.ROOT);
        feedback.expectEqual("protocol", "group.protocol=" + protocol.name().toLowerCase(Locale.ROOT), "group.protocol=" + asked);
        feedback.expect("autoCommit", !effective.getBoolean(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)
                        && "earliest".equals(effective.getString(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)),
                "enable.auto.commit=false, auto.offset.reset=earliest",
                "enable.auto.commit=" + effective.getBoolean(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)
                        + ", auto.offset.reset=" + effective.getString(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG));
        Class<?> values = effective.getClass(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        feedback.expect("deserializer", values == LogEventDeserializer.class, LogEventDeserializer.class.getSimpleName(), values);
    }

    private static int number(String value) {
        try {
            return value == null ? -1 : Integer.parseInt(value.trim());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
