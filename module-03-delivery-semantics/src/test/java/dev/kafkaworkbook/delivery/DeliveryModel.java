package dev.kafkaworkbook.delivery;

import dev.kafkaworkbook.kit.grading.Feedback;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

import javax.sql.DataSource;
import java.util.function.Supplier;

/**
 * The processors of exercises 3.1 to 3.4 as the crash scenario runs them: each builds the learner's class from what
 * the grader wires for it, the same way in the crashing JVM and in the one that takes over.
 */
enum DeliveryModel {

    AT_MOST_ONCE("3.1") {
        @Override
        Code create(Wiring wiring) {
            AtMostOnceProcessor processor = new AtMostOnceProcessor(wiring.consumer(), wiring.topic(), wiring.handler());
            return new Code(processor::run, processor::shutdown);
        }
    },
    AT_LEAST_ONCE("3.2") {
        @Override
        Code create(Wiring wiring) {
            AtLeastOnceProcessor processor = new AtLeastOnceProcessor(wiring.consumer(), wiring.topic(), wiring.handler());
            return new Code(processor::run, processor::shutdown);
        }
    },
    IDEMPOTENT_DOWNSTREAM("3.3") {
        @Override
        Code create(Wiring wiring) {
            LedgerLoop loop = new LedgerLoop(wiring.consumer(), wiring.topic(), new OrderLedger(wiring.database()),
                    wiring.handler());
            return new Code(loop::run, loop::stop);
        }
    },
    TRANSACTIONS("3.4") {
        @Override
        Code create(Wiring wiring) {
            ExactlyOncePipeline pipeline = new ExactlyOncePipeline(wiring.consumer(), wiring.producer().get(),
                    wiring.topic(), wiring.outputTopic());
            return new Code(pipeline::run, pipeline::shutdown);
        }
    };

    final String exercise;

    DeliveryModel(String exercise) {
        this.exercise = exercise;
    }

    /** Builds the learner's processor (its constructor is learner code). */
    abstract Code create(Wiring wiring);

    /** What a processor is given: its consumer, topic, handler, and for some a producer, an output topic, a database. */
    record Wiring(Consumer<String, OrderEvent> consumer, String topic, OrderHandler handler,
                  Supplier<Producer<String, OrderEvent>> producer, String outputTopic, DataSource database) {
    }

    /** The learner's processor as two calls: its loop, and the request to stop it from another thread. */
    record Code(Feedback.LearnerAction run, Feedback.LearnerAction stop) {
    }
}
