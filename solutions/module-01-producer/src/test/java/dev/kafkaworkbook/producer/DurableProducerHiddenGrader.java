package dev.kafkaworkbook.producer;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.TestData;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Order;

import java.time.Duration;
import java.util.Properties;

/**
 * Hidden grader of exercise 1.1 (instructors only: it never reaches the learner copy). A configuration shared
 * through a static field passes the visible checks but leaks one client's settings into the next.
 */
@Grader(exercise = "1.1", hidden = true)
class DurableProducerHiddenGrader {

    @Order(1)
    @Check
    void everyCallReturnsItsOwnConfiguration(TestData data, Feedback feedback) {
        String first = data.id("broker-a") + ":9092";
        String second = data.id("broker-b") + ":9092";
        Properties a = feedback.call("config.hang", Duration.ofSeconds(10), () -> DurableProducerConfig.durableConfig(first));
        Properties b = feedback.call("config.hang", Duration.ofSeconds(10), () -> DurableProducerConfig.durableConfig(second));
        feedback.expect("shared", a != b && first.equals(a.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)),
                feedback.text("shared.expected", first, second),
                feedback.text("shared.observed", a.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG),
                        b.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)));
    }
}
