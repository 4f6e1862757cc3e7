package dev.kafkaworkbook.operations;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.Tally;
import dev.kafkaworkbook.kit.grading.TestData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grades exercise 4.4. The plan is judged on random layouts (brokers, partitions, replication factors), as a pure
 * function. The move is judged on a cluster of four brokers, one of which holds none of the topic's replicas (the
 * broker just added): the grader hands the learner's {@code execute} a balanced plan of its own and holds the copy
 * back for a second (a replication throttle, as {@code kafka-reassign-partitions --throttle} sets, then lifted);
 * when {@code execute} returns, the move must be over.
 */
@Grader(exercise = "4.4", brokers = 4)
class ReassignmentGrader {

    /** What execute() may take: the held move takes a second or two. */
    private static final long MOVE_TIMEOUT_MS = 30_000;
    private static final Duration EXECUTE_CALL = Duration.ofMillis(MOVE_TIMEOUT_MS + 15_000);
    /**
     * A wrong plan often shows on some layouts only (placing a replica on a broker that already holds the partition
     * shows on about two in five): thirty leave it a one-in-ten-million chance to pass. plan() is pure and quick.
     */
    private static final int LAYOUTS = 30;

    @Order(1)
    @Check(points = 2)
    void planIsBalancedOverEveryBrokerTheNewOneIncluded(TestData data, Feedback feedback) {
        for (int i = 0; i < LAYOUTS; i++) {
            Layout layout = Layout.random(data);
            Map<TopicPartition, List<Integer>> plan = feedback.call("plan.hang",
                    () -> PartitionMover.plan(layout.current(), layout.brokers()));
            layout.judge(plan, feedback);
        }
    }

    @Order(2)
    @Check(points = 2)
    void executeReturnsOnlyOnceTheMoveIsComplete(Cluster cluster, TestData data, Feedback feedback) throws Exception {
        Move move = Move.prepare(cluster, data, Move.HELD);
        try (Move.Throttle held = move.hold()) {
            feedback.run("execute.hang", EXECUTE_CALL,
                    () -> PartitionMover.execute(cluster.admin(), move.plan(), MOVE_TIMEOUT_MS));
            Set<TopicPartition> moving = move.stillMovingOnceSettled();
            feedback.expect("execute.early", moving.isEmpty(), feedback.text("execute.early.expected"),
                    feedback.text("execute.early.observed", moving.size(), move.plan().size(), moving));
            Map<TopicPartition, String> wrong = move.settledDifferencesFromPlan();
            feedback.expect("execute.incomplete", wrong.isEmpty(), feedback.text("execute.incomplete.expected"), wrong);
        }
    }

    @Order(3)
    @Check
    void noRecordIsLostAndTheNewBrokerHoldsItsShare(Cluster cluster, TestData data, Feedback feedback) {
        Move move = Move.prepare(cluster, data, Move.SMALL);
        feedback.run("execute.hang", EXECUTE_CALL,
                () -> PartitionMover.execute(cluster.admin(), move.plan(), MOVE_TIMEOUT_MS));
        move.awaitComplete();
        List<String> read = cluster.readToEnd(move.topic(), new StringDeserializer(), new StringDeserializer())
                .stream().map(ConsumerRecord::value).toList();
        feedback.expectExactlyOnce("lost", Tally.of(move.written(), read), value -> value.substring(0, value.indexOf(' ')));
        Map<TopicPartition, String> wrong = move.differencesFromPlan();
        feedback.expect("execute.incomplete", wrong.isEmpty(), feedback.text("execute.incomplete.expected"), wrong);
    }
}
