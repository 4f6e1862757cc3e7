package dev.kafkaworkbook.consumer;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.TestData;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Order;

import java.util.Properties;

/**
 * Hidden grader of exercise 2.1 (instructors only: it never reaches the learner copy). A configuration kept in a
 * static field passes the visible checks, which ask for one group at a time, but hands every instance the group of
 * the first.
 */
@Grader(exercise = "2.1", hidden = true)
class ManualCommitHiddenGrader {

    @Order(1)
    @Check
    void everyCallReturnsItsOwnConfiguration(TestData data, Feedback feedback) {
        String bootstrap = data.id("broker") + ":9092";
        String first = data.id("logs-service");
        String second = data.id("logs-audit");
        Properties a = feedback.call("config.hang", () -> ManualCommitConfig.config(bootstrap, first));
        Properties b = feedback.call("config.hang", () -> ManualCommitConfig.config(bootstrap, second));
        String groupA = a == null ? null : String.valueOf(a.get(ConsumerConfig.GROUP_ID_CONFIG));
        String groupB = b == null ? null : String.valueOf(b.get(ConsumerConfig.GROUP_ID_CONFIG));
        feedback.expect("shared", a != b && first.equals(groupA) && second.equals(groupB),
                feedback.text("shared.expected", first, second), feedback.text("shared.observed", groupA, groupB));
    }
}
