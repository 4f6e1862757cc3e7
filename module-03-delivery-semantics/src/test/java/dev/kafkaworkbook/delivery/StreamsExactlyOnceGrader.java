package dev.kafkaworkbook.delivery;

import dev.kafkaworkbook.kit.delivery.DeliveryWords;
import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.grading.Todo;
import dev.kafkaworkbook.kit.learner.ChildJvm;
import dev.kafkaworkbook.kit.learner.ChildProgram;
import dev.kafkaworkbook.kit.learner.SharedRun;
import dev.kafkaworkbook.kit.sandbox.Console;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Order;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Grades exercise 3.5: the application's processing guarantee, then its totals through a real crash. The learner's
 * application runs in a JVM of its own on a first half of the orders until its committed totals are right; then the
 * second half is sent and the JVM halts right after one of its first updates is flushed to the broker: under
 * exactly_once_v2, inside an open transaction; under at_least_once, with the update in the store's changelog and its
 * input offset not committed. The same application, restarted here with the same state directory (in-memory stores keep nothing there),
 * restores its store from the changelog and finishes: a read_committed reader must then see every customer's exact
 * total. Under at_least_once the restored store already holds part of the second half, which is processed again.
 */
@Grader(exercise = "3.5")
class StreamsExactlyOnceGrader {

    private static final SharedRun<Run> CRASH = new SharedRun<>();
    private static final Duration SETTLE = Duration.ofSeconds(25);
    private static final Path STATE = Path.of("target", "workbook-streams");

    @Order(1)
    @Check
    void theApplicationRunsExactlyOnceV2(TestData data, Feedback feedback) {
        String application = data.id("order-totals");
        String stateDir = STATE.resolve(application).toString();
        Properties config = feedback.call("config.hang", () -> OrderTotalsApp.config(data.id("broker") + ":9092", application, stateDir));
        feedback.expect("config.null", config != null, "Properties", null);
        StreamsConfig effective;
        try {
            effective = new StreamsConfig(config);
        } catch (ConfigException rejected) {
            throw feedback.wrong("config.invalid", feedback.text("config.invalid.expected"), rejected.getMessage());
        }
        feedback.expectEqual("guarantee", "processing.guarantee=exactly_once_v2",
                "processing.guarantee=" + effective.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        feedback.expectEqual("identity", List.of(application, stateDir), List.of(
                effective.getString(StreamsConfig.APPLICATION_ID_CONFIG), effective.getString(StreamsConfig.STATE_DIR_CONFIG)));
    }

    @Order(2)
    @Check(points = 2)
    void totalsPerCustomerAreRight(Cluster cluster, TestData data, Feedback feedback) {
        Run run = CRASH.get(() -> Run.crash(cluster, data, feedback));
        expectTotals(run.firstHalf(), run.beforeCrash(), feedback);
    }

    @Order(3)
    @Check(points = 3)
    void totalsAreExactAfterAKillAndRestart(Cluster cluster, TestData data, Feedback feedback) {
        Run run = CRASH.get(() -> Run.crash(cluster, data, feedback));
        Console.out().println(feedback.text("info", run.crashedOnUpdate(), run.restartedIn().toMillis()));
        expectTotals(run.expected(), run.afterRestart(), feedback);
    }

    private static void expectTotals(Map<String, Long> expected, Map<String, Long> observed, Feedback feedback) {
        List<String> wrong = new ArrayList<>();
        expected.forEach((customer, total) -> {
            if (!total.equals(observed.get(customer))) {
                wrong.add(feedback.text("totals.one", customer, total, observed.get(customer)));
            }
        });
        feedback.expect("totals", wrong.isEmpty(), feedback.text("totals.expected", expected.size()),
                feedback.text("totals.observed", wrong.size(), String.join("; ", wrong.stream().limit(4).toList())));
    }

    /** The totals before the crash, the kill, the restart, and the totals after it. */
    record Run(Map<String, Long> firstHalf, Map<String, Long> beforeCrash, Map<String, Long> expected,
               Map<String, Long> afterRestart, long crashedOnUpdate, Duration restartedIn) {

        static Run crash(Cluster cluster, TestData data, Feedback grader) {
            Feedback feedback = DeliveryWords.words(grader);
            String input = cluster.createTopic("orders", 3);
            String output = cluster.createTopic("totals", 3);
            String application = cluster.newGroupId("order-totals");
            List<OrderEvent> events = Orders.randomEvents(data, data.between(40, 60));
            List<OrderEvent> first = events.subList(0, events.size() / 2);
            Map<String, Long> firstHalf = totalsByCustomer(first);
            Map<String, Long> expected = totalsByCustomer(events);
            Orders.publish(cluster, input, first);

            Map<String, Long> beforeCrash;
            int crashAt = first.size() + data.between(1, 4);
            try (ChildJvm child = ChildJvm.start(TotalsInAChild.class, Map.of("bootstrap", cluster.bootstrapServers(),
                    "application", application, "state", state(application), "input", input, "output", output,
                    "crashAt", String.valueOf(crashAt)))) {
                beforeCrash = awaitTotals(cluster, output, firstHalf, first.size(), child, feedback);
                Orders.publish(cluster, input, events.subList(first.size(), events.size()));
                // The child halts itself on its crashAt-th update, flushed: under exactly_once_v2, mid-transaction.
                boolean crashed = child.awaitExit(SETTLE);
                judgeChild(child, feedback);
                feedback.expect("crash.never", crashed && child.crashed(),
                        feedback.text("crash.never.expected", crashAt - first.size()),
                        feedback.text("crash.never.stuck", SETTLE.toSeconds(), first.size(), child.output(5)));
            }
            fenceTransactionsLeftOpen(cluster, application);
            long restart = System.nanoTime();
            StreamsApp restarted = cluster.closeAfterCheck(feedback.call("start.hang", () -> StreamsApp.start(
                    cluster.bootstrapServers(), application, state(application), input, output)));
            Map<String, Long> afterRestart = awaitTotals(cluster, output, expected, events.size(), restarted, feedback);
            return new Run(firstHalf, beforeCrash, expected, afterRestart, crashAt - first.size(),
                    Duration.ofNanos(System.nanoTime() - restart));
        }

        /**
         * Fences the dead application's producers, as its restart on the same machine would: a new producer with each
         * transactional id it left in a transaction calls initTransactions(), which aborts that transaction at once.
         * Kafka Streams derives its transactional ids from a process id that it keeps on disk only for persistent stores;
         * with in-memory stores the restarted application has new ids, and the dead one's transactions would hold back
         * every read_committed reader until they expire (transaction.timeout.ms, then the broker's next sweep: 10-20 s).
         */
        private static void fenceTransactionsLeftOpen(Cluster cluster, String application) {
            Collection<TransactionListing> open = Cluster.get(cluster.admin().listTransactions(
                    new ListTransactionsOptions().filterStates(List.of(TransactionState.ONGOING))).all());
            for (TransactionListing transaction : open) {
                if (transaction.transactionalId().startsWith(application)) {
                    KafkaProducer<byte[], byte[]> fencer = cluster.producer(new ByteArraySerializer(), new ByteArraySerializer(),
                            Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transaction.transactionalId()));
                    fencer.initTransactions();
                    fencer.close(Duration.ofSeconds(5));
                }
            }
        }

        /**
         * Reads committed totals until they equal {@code expected}, or the output holds at least {@code updates}
         * committed updates (one per input record: the totals are what they will be), or the application fails, or
         * time runs out.
         */
        private static Map<String, Long> awaitTotals(Cluster cluster, String output, Map<String, Long> expected,
                                                     int updates, Object app, Feedback feedback) {
            AtomicReference<Map<String, Long>> last = new AtomicReference<>(Map.of());
            awaitQuietly(() -> {
                if (app instanceof ChildJvm child && !child.isAlive() || app instanceof StreamsApp streams
                        && (streams.failure() != null || streams.state() == KafkaStreams.State.ERROR)) {
                    return true;
                }
                List<ConsumerRecord<String, byte[]>> committed = cluster.readToEnd(output, new StringDeserializer(),
                        new ByteArrayDeserializer(), IsolationLevel.READ_COMMITTED);
                last.set(totals(committed, feedback));
                return last.get().equals(expected) || committed.size() >= updates;
            });
            if (app instanceof ChildJvm child) {
                judgeChild(child, feedback);
            } else if (app instanceof StreamsApp streams && streams.failure() != null) {
                throw explained(streams.failure(), feedback);
            }
            return last.get();
        }

        private static void judgeChild(ChildJvm child, Feedback feedback) {
            if (!child.isAlive()) {
                child.thrown().ifPresent(thrown -> {
                    throw explained(thrown, feedback);
                });
            }
        }
    }

    /** Waits for {@code condition}, at most {@link #SETTLE}; the check judges what it finds either way. */
    private static void awaitQuietly(java.util.concurrent.Callable<Boolean> condition) {
        try {
            Awaitility.await().atMost(SETTLE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).until(condition);
        } catch (ConditionTimeoutException notYet) {
            // Judged by the caller.
        }
    }

    /** A missing RocksDB class says what to do; anything else the application threw is rethrown as it was. */
    static RuntimeException explained(Throwable thrown, Feedback feedback) {
        Todo.rethrowIfPresent(thrown);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof NoClassDefFoundError || t instanceof ClassNotFoundException) {
                if (String.valueOf(t.getMessage()).contains("rocksdb")) {
                    throw feedback.wrong("rocksdb", feedback.text("rocksdb.expected"), t.toString());
                }
            }
        }
        return StreamsExactlyOnceGrader.<RuntimeException>sneaky(thrown);
    }

    /** Rethrows what the application threw, checked or not, as it was thrown. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable thrown) throws E {
        throw (E) thrown;
    }

    private static Map<String, Long> totalsByCustomer(List<OrderEvent> events) {
        Map<String, Long> totals = new LinkedHashMap<>();
        events.forEach(e -> totals.merge(e.customer(), e.amountCents(), Long::sum));
        return totals;
    }

    /** The last total of each customer among {@code records}, whose values must be 8-byte longs. */
    private static Map<String, Long> totals(List<ConsumerRecord<String, byte[]>> records, Feedback feedback) {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null || record.value().length != Long.BYTES) {
                throw feedback.wrong("serde", feedback.text("serde.expected"), record.value() == null ? "null"
                        : record.value().length + " bytes: " + new String(record.value(), java.nio.charset.StandardCharsets.UTF_8));
            }
            totals.put(record.key(), new LongDeserializer().deserialize(record.topic(), record.value()));
        }
        return totals;
    }

    /**
     * The state directory of the application, the same for both lives, as for a process restarted on the same machine:
     * Kafka Streams keeps its process id there, from which its transactional ids derive, so the restarted producer
     * fences the dead one and aborts its open transaction at once (with another id it would expire only after
     * transaction.timeout.ms, 10 s, holding back every read_committed reader, the restore included).
     */
    private static String state(String application) {
        try {
            return Files.createDirectories(STATE.resolve(application)).toAbsolutePath().toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The first life of the application, in a JVM of its own, running until it halts on its crashAt-th update. */
    public static final class TotalsInAChild implements ChildProgram {
        @Override
        public void run(Context context) throws Exception {
            Map<String, String> args = context.args();
            KafkaClientSupplier clients = StreamsApp.crashingAfter(args.get("output"), Integer.parseInt(args.get("crashAt")),
                    context::crash);
            try (StreamsApp app = StreamsApp.start(args.get("bootstrap"), args.get("application"), args.get("state"),
                    args.get("input"), args.get("output"), clients)) {
                while (app.failure() == null) {
                    LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
                }
                Throwable failure = app.failure();
                throw failure instanceof Exception e ? e : new RuntimeException(failure);
            }
        }
    }
}
