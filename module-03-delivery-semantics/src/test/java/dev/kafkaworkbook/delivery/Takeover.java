package dev.kafkaworkbook.delivery;

import dev.kafkaworkbook.kit.delivery.DeliveryWords;
import dev.kafkaworkbook.kit.delivery.TransactionJournal;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.groups.ConsumerGroups;
import dev.kafkaworkbook.kit.learner.ChildJvm;
import dev.kafkaworkbook.kit.learner.ConsumerJournal;
import dev.kafkaworkbook.kit.learner.ConsumerJournal.Position;
import dev.kafkaworkbook.kit.learner.LearnerLoops;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The crash every delivery model of module 3 is judged by. A backlog of orders waits on a fresh topic; the learner's
 * processor starts on it in a JVM of its own, which halts at the crash point (mid-batch, or mid-transaction): no
 * {@code finally}, no commit, no goodbye to the group. A second instance of the same processor, in this JVM and with
 * the same static member id, takes over at once and runs until the group has caught up. What each life processed,
 * and what the group had committed in between, are the facts the checks judge.
 * <pre>{@code
 * Takeover.Facts facts = Takeover.of(DeliveryModel.AT_LEAST_ONCE, cluster, data, feedback).run(events);
 * }</pre>
 */
final class Takeover {

    private static final Duration CHILD_LIFE = Duration.ofSeconds(30);
    private static final Duration CATCH_UP = Duration.ofSeconds(20);

    /** What happened. {@code secondLife} and the journals are those of the instance that took over. */
    record Facts(Orders.Published published, String topic, String group, List<Position> firstLife,
                 Map<TopicPartition, Long> committedAtCrash, List<Position> secondLife, ConsumerJournal secondJournal,
                 TransactionJournal secondTransactions, String outputTopic, boolean caughtUp, Downstream downstream) {

        /** The same facts, with what the downstream held at the end. */
        Facts with(Downstream held) {
            return new Facts(published, topic, group, firstLife, committedAtCrash, secondLife, secondJournal,
                    secondTransactions, outputTopic, caughtUp, held);
        }

        /** Every record processed, by either life, repeats included. */
        List<Position> processed() {
            List<Position> all = new java.util.ArrayList<>(firstLife);
            all.addAll(secondLife);
            return all;
        }

        /** Records below the offsets committed at the crash that the first life never processed: skipped for good. */
        List<Position> committedButNotProcessed() {
            Set<Position> done = new HashSet<>(firstLife);
            return published.positions().stream()
                    .filter(p -> p.offset() < committedAtCrash.getOrDefault(p.partition(), 0L) && !done.contains(p))
                    .toList();
        }

        /** Records the first life processed at or beyond the offsets committed at the crash: the next life's to repeat. */
        List<Position> processedButNotCommitted() {
            return firstLife.stream().filter(p -> p.offset() >= committedAtCrash.getOrDefault(p.partition(), 0L))
                    .distinct().toList();
        }
    }

    /**
     * What a downstream other than the handler held once the takeover was done, read then (the run may be judged after
     * the check that ran it has closed its database): the ledger's rows and totals (3.3), the output topic as a
     * read_committed and a read_uncommitted reader see it, by natural key (3.4).
     */
    record Downstream(List<String> ledgerRows, Map<String, Long> ledgerTotals, String ledgerError,
                      List<String> readCommitted, List<String> readUncommitted) {
        static final Downstream NONE = new Downstream(List.of(), Map.of(), null, List.of(), List.of());
    }

    private final DeliveryModel model;
    private final Cluster cluster;
    private final TestData data;
    private final Feedback feedback;
    private final String topic;
    private final String group;
    private final String instance;
    private final int maxPoll;
    private final Map<String, String> extra = new HashMap<>();
    private String outputTopic;
    private String transactionalId;
    private LedgerDatabase database;

    private Takeover(DeliveryModel model, Cluster cluster, TestData data, Feedback feedback) {
        this.model = model;
        this.cluster = cluster;
        this.data = data;
        this.feedback = DeliveryWords.words(feedback);
        this.topic = cluster.createTopic("orders", 3);
        this.group = cluster.newGroupId("order-service");
        this.instance = "order-service-" + data.between(1, 9);
        this.maxPoll = data.between(10, 20);
    }

    static Takeover of(DeliveryModel model, Cluster cluster, TestData data, Feedback feedback) {
        return new Takeover(model, cluster, data, feedback);
    }

    String topic() {
        return topic;
    }

    /** 3.3: the processor writes to {@code database}. */
    Takeover writingTo(LedgerDatabase database) {
        this.database = database;
        return this;
    }

    /** 3.4: the processor writes its results to a fresh output topic with a fresh transactional id. */
    Takeover transactional() {
        this.outputTopic = cluster.createTopic("orders-validated", 3);
        this.transactionalId = cluster.newGroupId("order-service-tx");
        return this;
    }

    /** Crash mid-batch once at least {@code records} are processed (the default: two to three batches in). */
    Takeover crashingAfterRecords(int records) {
        extra.put(CrashingProcessor.CRASH_AFTER_RECORDS, String.valueOf(records));
        return this;
    }

    /** Crash with transaction {@code number} open, its records on the broker, or just after it committed. */
    Takeover crashingInTransaction(int number, boolean afterCommit) {
        extra.put(CrashingProcessor.CRASH_TRANSACTION, String.valueOf(number));
        if (afterCommit) {
            extra.put(CrashingProcessor.CRASH_AFTER_COMMIT, "true");
        }
        return this;
    }

    /** 3.3: crash inside an apply() once {@code applied} records are applied, right after its first write changed a row. */
    Takeover crashingInsideApply(int applied) {
        extra.put(CrashingProcessor.CRASH_INSIDE_APPLY, String.valueOf(applied));
        return this;
    }

    private String crashPoint() {
        if (extra.containsKey(CrashingProcessor.CRASH_TRANSACTION)) {
            String number = extra.get(CrashingProcessor.CRASH_TRANSACTION);
            return feedback.text(extra.containsKey(CrashingProcessor.CRASH_AFTER_COMMIT) ? "crash.point.committed"
                    : "crash.point.transaction", number);
        }
        if (extra.containsKey(CrashingProcessor.CRASH_INSIDE_APPLY)) {
            return feedback.text("crash.point.write", extra.get(CrashingProcessor.CRASH_INSIDE_APPLY));
        }
        return feedback.text("crash.point.records", extra.get(CrashingProcessor.CRASH_AFTER_RECORDS));
    }

    /** Publishes {@code events}, crashes the first life, lets the second catch up, and returns what happened. */
    Facts run(List<OrderEvent> events) {
        if (!extra.containsKey(CrashingProcessor.CRASH_AFTER_RECORDS) && !extra.containsKey(CrashingProcessor.CRASH_TRANSACTION)
                && !extra.containsKey(CrashingProcessor.CRASH_INSIDE_APPLY)) {
            crashingAfterRecords(data.between(2 * maxPoll + 1, 3 * maxPoll));
        }
        Orders.Published published = Orders.publish(cluster, topic, events);
        List<Position> firstLife = firstLife();
        ConsumerGroups groups = ConsumerGroups.of(cluster);
        Map<TopicPartition, Long> committedAtCrash = groups.committedOffsets(group);

        KafkaConsumer<String, OrderEvent> consumer = cluster.consumer(new StringDeserializer(), new OrderEventDeserializer(),
                Orders.processorSettings(group, instance, maxPoll));
        ConsumerJournal journal = new ConsumerJournal();
        TransactionJournal transactions = new TransactionJournal();
        LearnerLoops loops = LearnerLoops.of(cluster, feedback);
        DeliveryModel.Code code = loops.create(() -> model.create(new DeliveryModel.Wiring(journal.record(consumer), topic,
                journal::processed, learnerProducer(transactions), outputTopic, database == null ? null : database.local())));
        LearnerLoops.Loop loop = loops.start("takeover", code.run(), consumer::wakeup);
        boolean caughtUp = loops.await(() -> caughtUp(published, committedAtCrash, journal, groups), CATCH_UP);
        loops.stop(loop, code.stop());
        return new Facts(published, topic, group, firstLife, committedAtCrash, journal.processedRecords(), journal,
                transactions, outputTopic, caughtUp, Downstream.NONE);
    }

    /** The crashing life, in a child JVM: what it processed before dying. */
    private List<Position> firstLife() {
        Map<String, String> args = new HashMap<>(extra);
        args.put(CrashingProcessor.MODEL, model.name());
        args.put(CrashingProcessor.BOOTSTRAP, cluster.bootstrapServers());
        args.put(CrashingProcessor.TOPIC, topic);
        args.put(CrashingProcessor.GROUP, group);
        args.put(CrashingProcessor.INSTANCE, instance);
        args.put(CrashingProcessor.MAX_POLL, String.valueOf(maxPoll));
        if (outputTopic != null) {
            args.put(CrashingProcessor.OUTPUT, outputTopic);
            args.put(CrashingProcessor.TRANSACTIONAL_ID, transactionalId);
        }
        if (database != null) {
            args.put(CrashingProcessor.DATABASE, database.remoteUrl());
        }
        try (ChildJvm child = ChildJvm.start(CrashingProcessor.class, args)) {
            boolean ended = child.awaitExit(CHILD_LIFE);
            child.rethrowIfThrew();
            List<Position> processed = CrashingProcessor.processed(child.reports(), topic);
            feedback.expect("crash.never", ended && child.crashed(), feedback.text("crash.never.expected", crashPoint()),
                    howItEnded(child, ended, processed.size()));
            return processed;
        }
    }

    /** What the child did instead of crashing: returned from run(), exited (System.exit), or is still running. */
    private String howItEnded(ChildJvm child, boolean ended, int processed) {
        if (!ended) {
            return feedback.text("crash.never.stuck", CHILD_LIFE.toSeconds(), processed, child.output(5));
        }
        int status = child.exitCode().orElse(0);
        return status == 0 ? feedback.text("crash.never.returned", processed, child.output(5))
                : feedback.text("crash.never.exited", status, processed, child.output(5));
    }

    private Supplier<Producer<String, OrderEvent>> learnerProducer(TransactionJournal transactions) {
        if (transactionalId == null) {
            return () -> null;
        }
        return () -> {
            Properties config = ExactlyOncePipeline.producerConfig(cluster.bootstrapServers(), transactionalId);
            return transactions.record(cluster.closeAfterCheck(
                    new KafkaProducer<>(config, new StringSerializer(), new OrderEventSerializer())));
        };
    }

    /**
     * Whether the second life is done: it processed every record the group had not committed at the crash; for a
     * transactional processor, whose processing is its output, the group's offsets reached the end of the input.
     */
    private boolean caughtUp(Orders.Published published, Map<TopicPartition, Long> committedAtCrash,
                             ConsumerJournal journal, ConsumerGroups groups) {
        if (outputTopic != null) {
            Map<TopicPartition, Long> end = groups.endOffsets(ConsumerGroups.partitionsOf(topic, 3));
            return groups.committedOffsets(group).equals(end);
        }
        Set<Position> done = new HashSet<>(journal.processedRecords());
        return published.positions().stream()
                .filter(p -> p.offset() >= committedAtCrash.getOrDefault(p.partition(), 0L))
                .allMatch(done::contains);
    }
}
