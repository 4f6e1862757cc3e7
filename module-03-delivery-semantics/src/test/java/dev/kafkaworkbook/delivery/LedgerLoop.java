package dev.kafkaworkbook.delivery;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.List;

/**
 * The grader's own at-least-once loop around the learner's {@link OrderLedger} (3.3): each record is applied to the
 * ledger, then counted as processed; offsets are committed after each batch. So replays reach the ledger for the
 * reason they reach any at-least-once downstream: a crash between processing and committing.
 */
final class LedgerLoop {

    private final Consumer<String, OrderEvent> consumer;
    private final String topic;
    private final OrderLedger ledger;
    private final OrderHandler processed;

    LedgerLoop(Consumer<String, OrderEvent> consumer, String topic, OrderLedger ledger, OrderHandler processed) {
        this.consumer = consumer;
        this.topic = topic;
        this.ledger = ledger;
        this.processed = processed;
    }

    void run() throws Exception {
        try {
            consumer.subscribe(List.of(topic));
            while (true) {
                ConsumerRecords<String, OrderEvent> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, OrderEvent> record : records) {
                    ledger.apply(record);
                    processed.handle(record);
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException stop) {
            // stop() asked.
        } finally {
            consumer.close();
        }
    }

    void stop() {
        consumer.wakeup();
    }
}
