package dev.kafkaworkbook.operations;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.TestData;
import org.junit.jupiter.api.Order;

import java.util.List;

/**
 * Hidden grader of exercise 4.6 (instructors only): two monitors of the same groups, the second created after records
 * arrived. The newcomer has not looked before, so it cannot call anything stuck; a memory shared by every monitor (a
 * static field) would make it.
 */
@Grader(exercise = "4.6", hidden = true)
class LagMonitorHiddenGrader {

    @Order(1)
    @Check
    void eachMonitorRemembersOnlyItsOwnLooks(Cluster cluster, TestData data, Feedback feedback) {
        LagScenario scenario = LagScenario.build(cluster, data);
        LagMonitor veteran = scenario.monitor(feedback);
        scenario.look(veteran, feedback);
        scenario.moveOn();
        // Records arrived since the veteran looked, and the stuck group did not move: only the veteran can know it.
        List<LagAlert> newcomer = scenario.look(scenario.monitor(feedback), feedback).stream()
                .filter(alert -> alert.reason() == LagAlert.Reason.STUCK).toList();
        feedback.expect("shared", newcomer.isEmpty(), feedback.text("shared.expected"), newcomer);
        List<LagAlert> second = scenario.look(veteran, feedback);
        feedback.expect("shared", second.stream().anyMatch(alert -> alert.reason() == LagAlert.Reason.STUCK),
                feedback.text("shared.veteran"), second);
    }
}
