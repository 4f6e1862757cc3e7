package dev.kafkaworkbook.consumer;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.Tally;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.groups.ConsumerGroups;
import dev.kafkaworkbook.kit.groups.GroupMember;
import dev.kafkaworkbook.kit.groups.GroupSnapshot;
import dev.kafkaworkbook.kit.learner.ConsumerJournal;
import dev.kafkaworkbook.kit.learner.ConsumerJournal.Position;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Future;

/**
 * Grades exercise 2.6 on a log topic whose records the grader stamped itself: a long partition for offset ranges
 * wider than one poll, late records stamped before the replay point but written after it, and a partition with
 * nothing recent. The service's group has committed offsets and a live member while the learner replays; the checks
 * compare what the learner returns with what the grader wrote, and the group before and after.
 */
@Grader(exercise = "2.6")
class AnalyticsReplayGrader {

    private static final Duration REPLAY_CALL = Duration.ofSeconds(40);
    private static final int PARTITIONS = 3;

    @Order(1)
    @Check(points = 2)
    void readsARangeOfOffsets(Cluster cluster, TestData data, Feedback feedback) {
        Logs logs = Logs.write(cluster, data);
        TopicPartition partition = new TopicPartition(logs.topic, 0);
        long from = data.between(20, 120);
        // Wider than one poll() returns (max.poll.records is 500), and within the partition (at least 700 records).
        long to = Math.min(from + data.between(520, 620), logs.ends.get(0));
        List<ConsumerRecord<String, LogEvent>> read = feedback.call("range.hang", REPLAY_CALL,
                () -> AnalyticsReplay.readRange(logs.serviceConfig(cluster), partition, from, to));
        List<Position> expected = logs.positions(partition, from, to);
        logs.expectSame(feedback, "range", expected, read, feedback.text("range.expected", partition.partition(), from, to));
    }

    @Order(2)
    @Check(points = 2)
    void readsSinceATimestampByPosition(Cluster cluster, TestData data, Feedback feedback) {
        Logs logs = Logs.write(cluster, data);
        List<ConsumerRecord<String, LogEvent>> read = feedback.call("since.hang", REPLAY_CALL,
                () -> AnalyticsReplay.readSince(logs.serviceConfig(cluster), logs.topic, logs.since));
        logs.expectSame(feedback, "since", logs.sincePositions(), read, feedback.text("since.expected", logs.since));
    }

    @Order(3)
    @Check
    void leavesTheServiceGroupAlone(Cluster cluster, TestData data, Feedback feedback) {
        Logs logs = Logs.write(cluster, data);
        ConsumerGroups groups = ConsumerGroups.of(cluster);
        String group = cluster.newGroupId("logs-service");
        Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            progress.put(new TopicPartition(logs.topic, p), new OffsetAndMetadata(data.between(1, 10)));
        }
        Admin admin = cluster.admin();
        Cluster.get(admin.alterConsumerGroupOffsets(group, progress).all());
        Map<TopicPartition, Long> before = groups.committedOffsets(group);
        // The service runs while the analysts replay: one member of its group, owning every partition.
        GroupMember service = cluster.closeAfterCheck(GroupMember.start("logs-service", LogStream.member(cluster, group,
                GroupProtocol.CLASSIC), List.of(logs.topic)));
        groups.awaitSettled(group, 1, ConsumerGroups.partitionsOf(logs.topic, PARTITIONS), Duration.ofSeconds(10));
        long revocationsBefore = service.revocations();

        Properties config = logs.serviceConfig(cluster);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        feedback.call("range.hang", REPLAY_CALL, () -> AnalyticsReplay.readRange(copy(config),
                new TopicPartition(logs.topic, 0), 0, data.between(50, 100)));
        feedback.call("since.hang", REPLAY_CALL, () -> AnalyticsReplay.readSince(copy(config), logs.topic, logs.since));

        feedback.expect("joined", service.revocations() == revocationsBefore, feedback.text("joined.expected", group),
                feedback.text("joined.observed", service.revocations() - revocationsBefore));
        Map<TopicPartition, Long> after = groups.committedOffsets(group);
        feedback.expect("moved", after.equals(before), feedback.text("moved.expected", ConsumerJournal.show(before)),
                feedback.text("moved.observed", ConsumerJournal.show(after)));
        GroupSnapshot snapshot = groups.describe(group);
        feedback.expect("member", snapshot.members().size() == 1, feedback.text("joined.expected", group), snapshot);
    }

    private static Properties copy(Properties config) {
        Properties copy = new Properties();
        copy.putAll(config);
        return copy;
    }

    /**
     * The topic: partition 0 long (for ranges), partitions 0 and 1 stamped across the replay point with a few late
     * records at their end, partition 2 entirely older than it.
     */
    static final class Logs {
        final String topic;
        final long since;
        final Map<Position, LogEvent> events = new HashMap<>();
        final Map<Position, Long> stamps = new HashMap<>();
        final Map<Integer, Long> ends = new HashMap<>();

        private Logs(String topic, long since) {
            this.topic = topic;
            this.since = since;
        }

        static Logs write(Cluster cluster, TestData data) {
            String topic = cluster.createTopic("logs", PARTITIONS);
            long base = System.currentTimeMillis() - Duration.ofHours(2).toMillis() - data.between(0, 100_000);
            int longest = data.between(700, 800);
            long since = base + 100L * data.between(longest / 3, 2 * longest / 3);
            Logs logs = new Logs(topic, since);
            KafkaProducer<String, LogEvent> producer = LogStream.producer(cluster);
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            List<LogEvent> sent = new ArrayList<>();
            int second = data.between(100, 200);
            for (int i = 0; i < longest; i++) {
                logs.send(producer, data, 0, base + 100L * i, acks, sent);
            }
            for (int i = 0; i < second; i++) {
                logs.send(producer, data, 1, since - 150L * (second / 2) + 150L * i, acks, sent);
            }
            for (int i = 0; i < data.between(20, 60); i++) {
                logs.send(producer, data, 2, base + 10L * i, acks, sent);
            }
            // Late producers: written after the replay point, stamped before it.
            for (int p = 0; p < 2; p++) {
                for (int i = 0; i < data.between(2, 4); i++) {
                    logs.send(producer, data, p, since - data.between(1_000, 60_000), acks, sent);
                }
            }
            for (int i = 0; i < acks.size(); i++) {
                RecordMetadata written = ack(acks.get(i));
                Position position = new Position(new TopicPartition(topic, written.partition()), written.offset());
                logs.events.put(position, sent.get(i));
                logs.stamps.put(position, written.timestamp());
                logs.ends.merge(written.partition(), written.offset() + 1, Math::max);
            }
            return logs;
        }

        private void send(KafkaProducer<String, LogEvent> producer, TestData data, int partition, long timestamp,
                          List<Future<RecordMetadata>> acks, List<LogEvent> sent) {
            LogEvent event = LogStream.event(data, timestamp);
            sent.add(event);
            acks.add(producer.send(new ProducerRecord<>(topic, partition, timestamp, data.id("request"), event)));
        }

        private static RecordMetadata ack(Future<RecordMetadata> ack) {
            try {
                return ack.get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("The grader's own record was not acknowledged: " + e, e);
            }
        }

        /** The service's consumer configuration, as the learner's methods get it. */
        Properties serviceConfig(Cluster cluster) {
            Properties config = new Properties();
            config.putAll(LogStream.memberSettings("logs-service-of-" + topic, GroupProtocol.CLASSIC));
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, LogEventDeserializer.class.getName());
            return config;
        }

        List<Position> positions(TopicPartition partition, long from, long to) {
            List<Position> positions = new ArrayList<>();
            for (long offset = from; offset < to; offset++) {
                positions.add(new Position(partition, offset));
            }
            return positions;
        }

        /** By position: from the first record stamped at or after {@code since}, to the end, late records included. */
        List<Position> sincePositions() {
            List<Position> positions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                TopicPartition partition = new TopicPartition(topic, p);
                long end = ends.getOrDefault(p, 0L);
                long first = end;
                for (long offset = 0; offset < end; offset++) {
                    if (stamps.get(new Position(partition, offset)) >= since) {
                        first = offset;
                        break;
                    }
                }
                positions.addAll(positions(partition, first, end));
            }
            return positions;
        }

        /** The records, in the expected order, each with the event written there. */
        void expectSame(Feedback feedback, String key, List<Position> expected, List<ConsumerRecord<String, LogEvent>> read,
                        String what) {
            feedback.expect(key + ".null", read != null, what, null);
            List<Position> got = read.stream().map(Position::of).toList();
            if (!got.equals(expected)) {
                feedback.expectExactlyOnce(key, Tally.of(expected, got), Position::toString);
                throw feedback.wrong(key + ".order", what, feedback.text("order.observed", got.size()));
            }
            for (ConsumerRecord<String, LogEvent> record : read) {
                LogEvent written = events.get(Position.of(record));
                feedback.expect("value", Objects.equals(written, record.value()), written, record.value());
            }
        }
    }
}
