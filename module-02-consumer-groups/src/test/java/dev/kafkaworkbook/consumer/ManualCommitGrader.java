package dev.kafkaworkbook.consumer;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.grading.Tally;
import dev.kafkaworkbook.kit.groups.ConsumerGroups;
import dev.kafkaworkbook.kit.groups.MemberConfigs;
import dev.kafkaworkbook.kit.learner.ConsumerJournal.Position;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import static org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG;

/**
 * Grades exercise 2.1 on the consumer's effective configuration (as KafkaConsumer resolves it: false and "false"
 * alike) and on the broker: a consumer built from the configuration alone reads logs written before its group
 * existed, decodes them, and leaves nothing committed for its group when it closes without committing.
 */
@Grader(exercise = "2.1")
class ManualCommitGrader {

    private static final Duration READ = Duration.ofSeconds(15);

    @Order(1)
    @Check
    void joinsTheServiceGroup(TestData data, Feedback feedback) {
        String bootstrap = data.id("broker") + ":9092";
        String group = data.id("logs-service");
        Properties config = learnerConfig(bootstrap, group, feedback);
        feedback.expectEqual("bootstrap", bootstrap, config.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
        feedback.expectEqual("group", group, MemberConfigs.setting(config, ConsumerConfig.GROUP_ID_CONFIG, feedback));
    }

    @Order(2)
    @Check
    void turnsAutoCommitOff(TestData data, Feedback feedback) {
        Properties config = learnerConfig(data.id("broker") + ":9092", data.id("group"), feedback);
        feedback.expect("autoCommit.explicit", config.containsKey(ENABLE_AUTO_COMMIT_CONFIG),
                "enable.auto.commit=false", feedback.text("notSet"));
        Object autoCommit = MemberConfigs.setting(config, ENABLE_AUTO_COMMIT_CONFIG, feedback);
        feedback.expectEqual("autoCommit", "enable.auto.commit=false", "enable.auto.commit=" + autoCommit);
    }

    @Order(3)
    @Check
    void startsANewGroupAtTheFirstRecord(TestData data, Feedback feedback) {
        Properties config = learnerConfig(data.id("broker") + ":9092", data.id("group"), feedback);
        Object reset = MemberConfigs.setting(config, AUTO_OFFSET_RESET_CONFIG, feedback);
        feedback.expectEqual("reset", "auto.offset.reset=earliest", "auto.offset.reset=" + reset);
    }

    @Order(4)
    @Check
    void readsLogEventsFromJson(TestData data, Feedback feedback) {
        Properties config = learnerConfig(data.id("broker") + ":9092", data.id("group"), feedback);
        ConsumerConfig effective = MemberConfigs.effective(config, feedback);
        String keys = name(effective.getClass(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG));
        String values = name(effective.getClass(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG));
        feedback.expect("deserializers", StringDeserializer.class.getName().equals(keys)
                        && LogEventDeserializer.class.getName().equals(values),
                feedback.text("deserializers.expected"), feedback.text("deserializers.observed", keys, values));
    }

    @Order(5)
    @Check(points = 2)
    void onTheBrokerNothingIsCommittedUntilTheServiceCommits(Cluster cluster, TestData data, Feedback feedback) {
        int partitions = data.between(2, 4);
        String topic = cluster.createTopic("logs", partitions);
        String group = cluster.newGroupId("logs-service");
        // Written before the group's first member starts: a new group must still read them.
        LogStream.Published published = LogStream.publish(cluster, data, topic, data.between(20, 60));
        KafkaConsumer<String, LogEvent> consumer = cluster.closeAfterCheck(feedback.call("create.hang",
                () -> ManualCommitConfig.createConsumer(cluster.bootstrapServers(), group)));
        List<ConsumerRecord<String, LogEvent>> read = new ArrayList<>();
        try {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + READ.toNanos();
            while (read.size() < published.events().size() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
        } catch (KafkaException refused) {
            // What the configuration made the client do (auto.offset.reset=none, a deserializer that fails): the learner's.
            throw feedback.wrong("read", feedback.text("read.expected", published.events().size()), refused.toString());
        }
        List<Position> positions = read.stream().map(Position::of).toList();
        feedback.expectExactlyOnce("earliest", Tally.of(published.positions(), positions), Position::toString);
        for (ConsumerRecord<String, LogEvent> record : read) {
            LogEvent sent = published.events().get(Position.of(record));
            feedback.expect("value", Objects.equals(sent, record.value()), sent, record.value());
        }
        // Closing is where auto-commit commits what was polled, whatever its interval: nothing may be committed.
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
        Map<TopicPartition, Long> committed = ConsumerGroups.of(cluster).committedOffsets(group);
        feedback.expect("committed", committed.isEmpty(), feedback.text("committed.expected"),
                feedback.text("committed.observed", committed));
    }

    private static Properties learnerConfig(String bootstrap, String group, Feedback feedback) {
        Properties config = feedback.call("config.hang", () -> ManualCommitConfig.config(bootstrap, group));
        feedback.expect("config.null", config != null, "Properties", null);
        return config;
    }

    private static String name(Class<?> type) {
        return type == null ? "null" : type.getName();
    }
}
