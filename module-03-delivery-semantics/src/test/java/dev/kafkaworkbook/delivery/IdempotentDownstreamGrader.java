package dev.kafkaworkbook.delivery;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.Tally;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.learner.ConsumerJournal.Position;
import dev.kafkaworkbook.kit.sandbox.Console;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Grades exercise 3.3 on a real H2 database: the uniqueness rule the learner's schema declares, what the ledger holds
 * after the same events are applied twice (by one ledger, then by a new one), and, with a real crash, what it holds
 * after an at-least-once loop replayed part of a stream that already carried upstream retries.
 */
@Grader(exercise = "3.3")
class IdempotentDownstreamGrader {

    private static final Set<String> NATURAL_KEY = Set.of("ORDER_ID", "EVENT_ID");

    @Order(1)
    @Check
    void theSchemaMakesTheNaturalKeyUnique(Cluster cluster, TestData data, Feedback feedback) throws SQLException {
        LedgerDatabase database = cluster.closeAfterCheck(LedgerDatabase.create());
        OrderLedger ledger = feedback.call("create", () -> new OrderLedger(database.local()));
        feedback.run("schema.hang", ledger::createSchema);
        List<Set<String>> unique = uniqueColumnSets(database.connection().getMetaData());
        feedback.expect("unique", unique.contains(NATURAL_KEY), feedback.text("unique.expected"),
                unique.isEmpty() ? feedback.text("unique.none") : unique);
    }

    @Order(2)
    @Check(points = 2)
    void anEventAppliedTwiceCountsOnce(Cluster cluster, TestData data, Feedback feedback) {
        LedgerDatabase database = cluster.closeAfterCheck(LedgerDatabase.create());
        List<OrderEvent> copies = Orders.withUpstreamRetries(data, Orders.randomEvents(data, data.between(6, 10)), 2);
        Orders.Published sent = new Orders.Published(atOffsets(copies, 0));
        applyAll(newLedger(database, feedback), sent, feedback);
        judge(database, sent, feedback);
    }

    @Order(3)
    @Check
    void aNewLedgerRecognisesWhatAnotherApplied(Cluster cluster, TestData data, Feedback feedback) {
        LedgerDatabase database = cluster.closeAfterCheck(LedgerDatabase.create());
        List<OrderEvent> events = Orders.randomEvents(data, data.between(6, 10));
        Orders.Published first = new Orders.Published(atOffsets(events, 0));
        applyAll(newLedger(database, feedback), first, feedback);
        // A restarted service: a new ledger, new connections, the same database; the same records replayed, and
        // copies of their events that an upstream retry left further on.
        OrderLedger restarted = feedback.call("create", () -> new OrderLedger(database.local()));
        applyAll(restarted, first, feedback);
        List<OrderEvent> retried = events.stream().map(e -> new OrderEvent(e.orderId(), e.eventId(), e.customer(),
                e.amountCents(), e.emittedAt() + data.between(1, 5_000))).toList();
        applyAll(restarted, new Orders.Published(atOffsets(retried, events.size())), feedback);
        judge(database, first, feedback);
    }

    @Order(4)
    @Check(points = 3)
    void replaysAcrossARealCrashLeaveEachEventOnce(Cluster cluster, TestData data, Feedback feedback) {
        Takeover.Facts facts = CrashRuns.of(DeliveryModel.IDEMPOTENT_DOWNSTREAM, cluster, data, feedback);
        Console.out().println(feedback.text("info", facts.published().events().size(),
                facts.published().events().size() - facts.published().naturalKeys().size(),
                facts.processedButNotCommitted().size()));
        Takeover.Downstream ledger = facts.downstream();
        if (ledger.ledgerError() != null) {
            throw feedback.wrong("tables", feedback.text("tables.expected"), ledger.ledgerError());
        }
        judge(ledger.ledgerRows(), ledger.ledgerTotals(), facts.published(), feedback);
    }

    /** One crash of the grader's at-least-once loop over the learner's ledger, and the database it left. */
    record Replay(Takeover.Facts facts, LedgerDatabase database) {
        static Replay run(Cluster cluster, TestData data, Feedback feedback) {
            LedgerDatabase database = cluster.closeAfterCheck(LedgerDatabase.create());
            newLedger(database, feedback);
            List<OrderEvent> events = Orders.withUpstreamRetries(data, Orders.randomEvents(data, data.between(50, 70)), 4);
            Takeover.Facts facts = Takeover.of(DeliveryModel.IDEMPOTENT_DOWNSTREAM, cluster, data, feedback)
                    .writingTo(database).run(events);
            return new Replay(facts, database);
        }
    }

    private static OrderLedger newLedger(LedgerDatabase database, Feedback feedback) {
        OrderLedger ledger = feedback.call("create", () -> new OrderLedger(database.local()));
        feedback.run("schema.hang", ledger::createSchema);
        return ledger;
    }

    /** Applies each record, as a consumer loop would, in order. */
    private static void applyAll(OrderLedger ledger, Orders.Published records, Feedback feedback) {
        feedback.run("apply.hang", () -> {
            for (Map.Entry<Position, OrderEvent> record : records.events().entrySet()) {
                Position at = record.getKey();
                ledger.apply(new ConsumerRecord<>(at.partition().topic(), at.partition().partition(), at.offset(),
                        record.getValue().orderId(), record.getValue()));
            }
        });
    }

    /** Events as records of one partition of a made-up topic, from {@code firstOffset} on: a stream without a broker. */
    private static Map<Position, OrderEvent> atOffsets(List<OrderEvent> events, long firstOffset) {
        Map<Position, OrderEvent> byPosition = new LinkedHashMap<>();
        TopicPartition orders = new TopicPartition("orders", 0);
        for (int i = 0; i < events.size(); i++) {
            byPosition.put(new Position(orders, firstOffset + i), events.get(i));
        }
        return byPosition;
    }

    /** Each event once in order_events, and each order's total as if each event had come once. */
    private static void judge(LedgerDatabase database, Orders.Published sent, Feedback feedback) {
        judge(query(database::eventRows, feedback), query(database::totals, feedback), sent, feedback);
    }

    /** Each event of {@code sent} once among {@code rows}, and each order's total as if each event had come once. */
    static void judge(List<String> rows, Map<String, Long> observed, Orders.Published sent, Feedback feedback) {
        feedback.expectExactlyOnce(Tally.of(sent.naturalKeys(), rows), key -> key);
        Map<String, Long> expected = sent.totalsByOrder();
        List<String> wrong = new ArrayList<>();
        expected.forEach((order, total) -> {
            if (!total.equals(observed.get(order))) {
                wrong.add(feedback.text("totals.one", order, total, observed.get(order)));
            }
        });
        feedback.expect("totals", wrong.isEmpty() && observed.keySet().equals(expected.keySet()),
                feedback.text("totals.expected", expected.size()),
                feedback.text("totals.observed", wrong.size(), String.join("; ", wrong.stream().limit(4).toList())));
    }

    @FunctionalInterface
    private interface Query<T> {
        T run() throws SQLException;
    }

    private static <T> T query(Query<T> query, Feedback feedback) {
        try {
            return query.run();
        } catch (SQLException noSuchTable) {
            throw feedback.wrong("tables", feedback.text("tables.expected"), noSuchTable.getMessage());
        }
    }

    /** Every set of columns of order_events that a primary key or a unique index makes unique. */
    private static List<Set<String>> uniqueColumnSets(DatabaseMetaData metadata) throws SQLException {
        Map<String, Set<String>> byIndex = new LinkedHashMap<>();
        try (ResultSet keys = metadata.getPrimaryKeys(null, null, "ORDER_EVENTS")) {
            while (keys.next()) {
                byIndex.computeIfAbsent("pk:" + keys.getString("PK_NAME"), k -> new TreeSet<>()).add(keys.getString("COLUMN_NAME"));
            }
        }
        try (ResultSet indexes = metadata.getIndexInfo(null, null, "ORDER_EVENTS", true, false)) {
            while (indexes.next()) {
                if (indexes.getString("COLUMN_NAME") != null) {
                    byIndex.computeIfAbsent("ix:" + indexes.getString("INDEX_NAME"), k -> new TreeSet<>())
                            .add(indexes.getString("COLUMN_NAME"));
                }
            }
        }
        return byIndex.values().stream().distinct().toList();
    }
}
