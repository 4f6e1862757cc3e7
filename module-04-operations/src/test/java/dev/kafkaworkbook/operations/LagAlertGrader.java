package dev.kafkaworkbook.operations;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.TestData;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grades exercise 4.6 on five groups the grader moves between two looks of one monitor (see {@link LagScenario}):
 * a healthy group, a lagging one, a stuck one, one with a little lag on many partitions, and an idle one.
 */
@Grader(exercise = "4.6")
class LagAlertGrader {

    @Order(1)
    @Check(points = 2)
    void flagsEachPartitionOverTheThresholdOnly(Cluster cluster, TestData data, Feedback feedback) {
        LagScenario scenario = LagScenario.build(cluster, data);
        LagScenario.Looks looks = scenario.lookTwice(feedback);
        for (List<LagAlert> look : List.of(looks.first(), looks.second())) {
            Map<String, Set<TopicPartition>> lagging = LagScenario.byGroup(look, LagAlert.Reason.LAGGING);
            Set<TopicPartition> spread = lagging.get(scenario.spread());
            if (spread != null) {
                // Only the partition exactly at the threshold: "more than" read as "at least"; anything else: a sum.
                String key = spread.equals(Set.of(scenario.atThreshold())) ? "threshold" : "summed";
                throw feedback.wrong(key, feedback.text(key + ".expected", scenario.maxLag()),
                        scenario.show(scenario.spread(), lagging));
            }
            feedback.expectEqual("lagging", Map.of(scenario.lagging(), scenario.laggingPartitions()), lagging);
        }
    }

    @Order(2)
    @Check(points = 2)
    void flagsAStuckGroupFromTheSecondLookOn(Cluster cluster, TestData data, Feedback feedback) {
        LagScenario scenario = LagScenario.build(cluster, data);
        LagScenario.Looks looks = scenario.lookTwice(feedback);
        Map<String, Set<TopicPartition>> first = LagScenario.byGroup(looks.first(), LagAlert.Reason.STUCK);
        feedback.expect("stuck.first", first.isEmpty(), feedback.text("stuck.first.expected"), first);
        Map<String, Set<TopicPartition>> second = LagScenario.byGroup(looks.second(), LagAlert.Reason.STUCK);
        second.keySet().stream().filter(group -> !group.equals(scenario.stuck())).findFirst().ifPresent(group -> {
            throw feedback.wrong("stuck.moving", feedback.text("stuck.moving.expected", scenario.name(group)),
                    scenario.show(group, second));
        });
        feedback.expectEqual("stuck", Map.of(scenario.stuck(), scenario.stuckPartitions()), second);
    }

    @Order(3)
    @Check
    void anIdleGroupWithZeroLagRaisesNothing(Cluster cluster, TestData data, Feedback feedback) {
        LagScenario scenario = LagScenario.build(cluster, data);
        LagScenario.Looks looks = scenario.lookTwice(feedback);
        for (List<LagAlert> look : List.of(looks.first(), looks.second())) {
            List<LagAlert> idle = look.stream().filter(alert -> alert.groupId().equals(scenario.idle())).toList();
            feedback.expect("idle", idle.isEmpty(), feedback.text("idle.expected"), idle);
        }
    }
}
