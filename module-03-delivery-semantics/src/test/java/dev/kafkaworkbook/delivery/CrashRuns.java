package dev.kafkaworkbook.delivery;

import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.learner.SharedRun;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;

import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One crash and takeover per delivery model and test JVM, judged by the grader of its exercise (3.1 to 3.4) and
 * tabled by the lab (3.7): whoever asks first runs it, in its own check; the others wait for it and judge the same
 * facts. A run that failed in the lab is run again for the grader, whose feedback then speaks of its own exercise.
 */
final class CrashRuns {

    private static final Map<DeliveryModel, SharedRun<Takeover.Facts>> BY_GRADERS = new EnumMap<>(DeliveryModel.class);
    private static final Map<DeliveryModel, SharedRun<Takeover.Facts>> BY_THE_LAB = new EnumMap<>(DeliveryModel.class);

    static {
        for (DeliveryModel model : DeliveryModel.values()) {
            BY_GRADERS.put(model, new SharedRun<>());
            BY_THE_LAB.put(model, new SharedRun<>());
        }
    }

    private CrashRuns() {
    }

    /** The crash of {@code model} for its grader: the lab's run if it succeeded, else a run of the grader's own. */
    static Takeover.Facts of(DeliveryModel model, Cluster cluster, TestData data, Feedback feedback) {
        return BY_GRADERS.get(model).get(() -> {
            Optional<Takeover.Facts> lab = BY_THE_LAB.get(model).ifSucceeded();
            return lab.isPresent() ? lab.get() : run(model, cluster, data, feedback);
        });
    }

    /** The crash of {@code model} for the lab: its grader's run, whatever it found, else a run of the lab's own. */
    static Takeover.Facts forTheLab(DeliveryModel model, Cluster cluster, TestData data, Feedback feedback) {
        SharedRun<Takeover.Facts> graders = BY_GRADERS.get(model);
        return graders.hasRun() ? graders.get(() -> null)
                : BY_THE_LAB.get(model).get(() -> run(model, cluster, data, feedback));
    }

    private static Takeover.Facts run(DeliveryModel model, Cluster cluster, TestData data, Feedback feedback) {
        List<OrderEvent> orders = Orders.randomEvents(data, data.between(50, 80));
        Takeover takeover = Takeover.of(model, cluster, data, feedback);
        return switch (model) {
            case AT_MOST_ONCE, AT_LEAST_ONCE -> takeover.run(orders);
            case IDEMPOTENT_DOWNSTREAM -> {
                LedgerDatabase database = cluster.closeAfterCheck(LedgerDatabase.create());
                OrderLedger ledger = feedback.call("create", () -> new OrderLedger(database.local()));
                feedback.run("schema.hang", ledger::createSchema);
                // The same events at other offsets too, as an upstream that retried its sends leaves them.
                Takeover.Facts facts = takeover.writingTo(database).run(Orders.withUpstreamRetries(data, orders, 4));
                try {
                    yield facts.with(new Takeover.Downstream(database.eventRows(), database.totals(), null, List.of(), List.of()));
                } catch (SQLException tablesNotAsGiven) {
                    yield facts.with(new Takeover.Downstream(List.of(), Map.of(), tablesNotAsGiven.getMessage(), List.of(), List.of()));
                }
            }
            case TRANSACTIONS -> {
                Takeover.Facts facts = takeover.transactional().crashingInTransaction(data.between(2, 4), false).run(orders);
                yield facts.with(new Takeover.Downstream(List.of(), Map.of(), null,
                        naturalKeys(Orders.read(cluster, facts.outputTopic(), IsolationLevel.READ_COMMITTED)),
                        naturalKeys(Orders.read(cluster, facts.outputTopic(), IsolationLevel.READ_UNCOMMITTED))));
            }
        };
    }

    static List<String> naturalKeys(List<ConsumerRecord<String, OrderEvent>> records) {
        return records.stream().map(r -> Orders.naturalKey(r.value())).toList();
    }
}
