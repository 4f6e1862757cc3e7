package dev.kafkaworkbook.delivery;

import dev.kafkaworkbook.kit.delivery.DeliveryTable;
import dev.kafkaworkbook.kit.delivery.TransactionJournal;
import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.ProducerConfigs;
import dev.kafkaworkbook.kit.grading.Tally;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.groups.MemberConfigs;
import dev.kafkaworkbook.kit.sandbox.Console;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Grades exercise 3.4: the producer's configuration, then a real crash with a transaction open ({@link Takeover}:
 * the child JVM flushes the transaction's records to the broker and halts before committing it). The instance that
 * takes over, with the same transactional id, aborts it. A read_committed reader must then see every result once;
 * the read_uncommitted count, aborted records included, is shown beside it.
 */
@Grader(exercise = "3.4")
class ExactlyOnceGrader {

    private static final Duration READ = Duration.ofSeconds(15);

    @Order(1)
    @Check
    void theProducerIsTransactional(TestData data, Feedback feedback) {
        String transactionalId = data.id("order-service-tx");
        Properties config = ProducerConfigs.fromLearner(feedback,
                () -> ExactlyOncePipeline.producerConfig(data.id("broker") + ":9092", transactionalId));
        feedback.expectEqual("transactionalId", "transactional.id=" + transactionalId,
                "transactional.id=" + config.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG));
        ProducerConfig effective = ProducerConfigs.effective(config, feedback);
        feedback.expectEqual("idempotence", "enable.idempotence=true",
                "enable.idempotence=" + effective.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
    }

    @Order(2)
    @Check(points = 2)
    void offsetsAreCommittedInsideTheTransaction(Cluster cluster, TestData data, Feedback feedback) {
        Takeover.Facts facts = crash(cluster, data, feedback);
        int consumerCommits = facts.secondJournal().commits().size();
        feedback.expect("commitSync", consumerCommits == 0, feedback.text("commitSync.expected"),
                feedback.text("commitSync.observed", consumerCommits));
        TransactionJournal transactions = facts.secondTransactions();
        feedback.expect("committed", !transactions.committed().isEmpty(), feedback.text("committed.expected"),
                feedback.text("committed.observed", transactions.calls().stream().distinct().toList()));
        List<TransactionJournal.Transaction> withoutOffsets = transactions.committedWithoutOffsets();
        feedback.expect("offsets", withoutOffsets.isEmpty(), feedback.text("offsets.expected"),
                feedback.text("offsets.observed", withoutOffsets.size(), transactions.committed().size()));
        Optional<ConsumerGroupMetadata> group = transactions.firstGroupMetadata();
        feedback.expect("groupMetadata", group.isPresent() && group.get().generationId() > 0
                        && group.get().groupId().equals(facts.group()), feedback.text("groupMetadata.expected", facts.group()),
                group.map(ConsumerGroupMetadata::toString).orElse(""));
        feedback.expect("caughtUp", facts.caughtUp(), feedback.text("caughtUp.expected"), feedback.text("caughtUp.observed"));
    }

    @Order(3)
    @Check(points = 3)
    void aCrashMidTransactionLeavesEachResultOnceForReadCommitted(Cluster cluster, TestData data, Feedback feedback) {
        Takeover.Facts facts = crash(cluster, data, feedback);
        List<String> committed = facts.downstream().readCommitted();
        List<String> uncommitted = facts.downstream().readUncommitted();
        Tally<String> tally = Tally.of(facts.published().naturalKeys(), committed);
        Console.out().println(feedback.text("info", DeliveryTable.counts(tally, committed.size()),
                DeliveryTable.counts(Tally.of(facts.published().naturalKeys(), uncommitted), uncommitted.size())));
        feedback.expectExactlyOnce(tally, key -> key);
    }

    @Order(4)
    @Check
    void theDownstreamReadsOnlyCommittedResults(Cluster cluster, TestData data, Feedback feedback) {
        Takeover.Facts facts = crash(cluster, data, feedback);
        String group = cluster.newGroupId("invoicing");
        Properties config = feedback.call("downstream.hang",
                () -> ExactlyOncePipeline.downstreamConfig(cluster.bootstrapServers(), group));
        feedback.expect("downstream.null", config != null, "Properties", null);
        feedback.expectEqual("downstream.group", group, MemberConfigs.setting(config, ConsumerConfig.GROUP_ID_CONFIG, feedback));
        Object isolation = MemberConfigs.setting(config, ConsumerConfig.ISOLATION_LEVEL_CONFIG, feedback);
        List<String> read = CrashRuns.naturalKeys(readAsTheDownstream(cluster, config, facts.outputTopic(), feedback));
        Tally<String> tally = Tally.of(facts.published().naturalKeys(), read);
        feedback.expect("downstream", tally.exactlyOnce(), feedback.text("downstream.expected", tally.expected()),
                feedback.text("downstream.observed", "isolation.level=" + isolation, DeliveryTable.counts(tally, read.size())));
    }

    private static Takeover.Facts crash(Cluster cluster, TestData data, Feedback feedback) {
        return CrashRuns.of(DeliveryModel.TRANSACTIONS, cluster, data, feedback);
    }

    /** Reads the whole output with a consumer built from the learner's configuration, assigned (no group to join). */
    private static List<ConsumerRecord<String, OrderEvent>> readAsTheDownstream(Cluster cluster, Properties config,
                                                                               String topic, Feedback feedback) {
        KafkaConsumer<String, OrderEvent> consumer = cluster.closeAfterCheck(feedback.call("downstream.hang",
                () -> new KafkaConsumer<>(config, new StringDeserializer(), new OrderEventDeserializer())));
        List<TopicPartition> partitions = cluster.describe(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        // endOffsets follows the consumer's isolation level: the last stable offset for read_committed.
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ);
        List<ConsumerRecord<String, OrderEvent>> records = new ArrayList<>();
        long deadline = System.nanoTime() + READ.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p, READ) < end.get(p)) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        }
        return records;
    }

}
