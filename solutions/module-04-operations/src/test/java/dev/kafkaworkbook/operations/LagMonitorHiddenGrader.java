package dev.kafkaworkbook.operations;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.TestData;
import org.junit.jupiter.api.Order;

import java.util.List;

/**
 * Hidden grader of exercise 4.6 (instructors only): two monitors of the same groups, one started after the groups
 * moved. The newcomer has not looked before, so it cannot call anything stuck; a memory shared by every monitor (a
 * static field) would make it.
 */
@Grader(exercise = "4.6", hidden = true)
class LagMonitorHiddenGrader {

    @Order(1)
    @Check
    void eachMonitorRemembersOnlyItsOwnLooks(Cluster cluster, TestData data, Feedback feedback) {
        LagScenario scenario = LagScenario.build(cluster, data);
        LagScenario.Looks veteran = scenario.lookTwice(feedback);
        LagScenario.Looks newcomer = scenario.lookTwice(feedback);
        List<LagAlert> firstOfNewcomer = newcomer.first().stream()
                .filter(alert -> alert.reason() == LagAlert.Reason.STUCK).toList();
        feedback.expect("shared", firstOfNewcomer.isEmpty(), feedback.text("shared.expected"), firstOfNewcomer);
        feedback.expect("shared", veteran.second().stream().anyMatch(alert -> alert.reason() == LagAlert.Reason.STUCK),
                feedback.text("shared.veteran"), veteran.second());
    }
}
