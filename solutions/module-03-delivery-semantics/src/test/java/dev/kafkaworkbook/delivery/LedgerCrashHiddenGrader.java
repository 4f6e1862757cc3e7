package dev.kafkaworkbook.delivery;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.TestData;
import org.junit.jupiter.api.Order;

import java.sql.SQLException;

/**
 * Hidden grader of exercise 3.3 (instructors only: it never reaches the learner copy). The visible crash falls between
 * two records; this one falls inside apply(), right after the first write that changed a row: a ledger that writes the
 * event and its total in two auto-committed statements keeps the event and loses the total, and the replay, finding
 * the event there, never adds it.
 */
@Grader(exercise = "3.3", hidden = true)
class LedgerCrashHiddenGrader {

    @Order(1)
    @Check(points = 2)
    void aCrashBetweenTheWritesOfOneEventLeavesNeither(Cluster cluster, TestData data, Feedback feedback) throws SQLException {
        LedgerDatabase database = cluster.closeAfterCheck(LedgerDatabase.create());
        OrderLedger ledger = feedback.call("create", () -> new OrderLedger(database.local()));
        feedback.run("schema.hang", ledger::createSchema);
        Takeover.Facts facts = Takeover.of(DeliveryModel.IDEMPOTENT_DOWNSTREAM, cluster, data, feedback).writingTo(database)
                .crashingInsideApply(data.between(20, 40)).run(Orders.randomEvents(data, data.between(30, 50)));
        IdempotentDownstreamGrader.judge(database.eventRows(), database.totals(), facts.published(), feedback);
    }
}
