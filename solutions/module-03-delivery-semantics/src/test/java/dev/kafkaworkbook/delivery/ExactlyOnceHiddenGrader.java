package dev.kafkaworkbook.delivery;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.Tally;
import dev.kafkaworkbook.kit.grading.TestData;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Order;

/**
 * Hidden grader of exercise 3.4 (instructors only). The visible crash falls with a transaction open; this one falls
 * right after a transaction committed, before the pipeline's next line: offsets committed apart from the transaction,
 * after it (commitSync), are then missing, and the next instance produces that batch's results a second time.
 */
@Grader(exercise = "3.4", hidden = true)
class ExactlyOnceHiddenGrader {

    @Order(1)
    @Check(points = 2)
    void aCrashJustAfterACommitRepeatsNothing(Cluster cluster, TestData data, Feedback feedback) {
        Takeover.Facts facts = Takeover.of(DeliveryModel.TRANSACTIONS, cluster, data, feedback).transactional()
                .crashingInTransaction(data.between(2, 4), true).run(Orders.randomEvents(data, data.between(40, 60)));
        feedback.expectExactlyOnce(Tally.of(facts.published().naturalKeys(),
                CrashRuns.naturalKeys(Orders.read(cluster, facts.outputTopic(), IsolationLevel.READ_COMMITTED))), key -> key);
    }
}
