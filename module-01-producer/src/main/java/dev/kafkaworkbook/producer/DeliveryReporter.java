package dev.kafkaworkbook.producer;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;

/**
 * <b>Exercise 1.5 — Delivery callbacks and errors.</b>
 *
 * <p>The sensor ingestion service sends asynchronously and must know the fate of every reading: a reading that
 * failed goes to a dead-letter queue or is retried later, one that succeeded is recorded with its position. A
 * failure that nobody hears about is a reading silently lost. Write {@link #send}, which publishes one record
 * <em>without waiting for the broker</em> and reports its outcome to the {@link DeliveryListener} it is handed
 * (a given interface):
 * <ul>
 *   <li>on success: {@link DeliveryListener#onSuccess} with the topic, partition and offset the record was
 *       written at (from the {@link org.apache.kafka.clients.producer.RecordMetadata} of a {@link Callback});</li>
 *   <li>on failure: {@link DeliveryListener#onFailure} with the producer's exception, unchanged, and whether it
 *       is retriable: {@code error instanceof }{@link RetriableException} (the producer has already retried such
 *       errors until {@code delivery.timeout.ms}; a later retry may still succeed) — anything else, e.g. a record
 *       too large for the topic, will fail again however often it is sent;</li>
 *   <li><b>exactly one report per record</b>: never both, never two of a kind, never none;</li>
 *   <li>if {@code producer.send(…)} itself throws (a serializer rejects the record, the producer is closed, …),
 *       that exception is reported through {@link DeliveryListener#onFailure} the same way, and {@code send}
 *       returns normally: it never throws.</li>
 * </ul>
 * Careful: when a send fails, Kafka still hands the callback a non-null metadata, with offset {@code -1}.
 *
 * <p>Statement: {@code module-01-producer/README.md#15-delivery-callbacks-and-errors} (es: {@code README.es.md}).
 */
public final class DeliveryReporter {

    private DeliveryReporter() {
    }

    /**
     * Sends {@code record} with {@code producer} and reports its outcome to {@code listener}, exactly once,
     * without waiting for it.
     *
     * @param producer a producer configured by the caller; do not close it
     * @param record   the record to send
     * @param listener told exactly once: {@code onSuccess} or {@code onFailure}
     */
    public static void send(Producer<String, String> producer, ProducerRecord<String, String> record,
                            DeliveryListener listener) {
        // TODO 1.5: send asynchronously with a Callback that reports success or failure (retriable or not)
        //  exactly once; report an exception thrown by producer.send() itself instead of throwing it.
        throw new UnsupportedOperationException("TODO 1.5: DeliveryReporter.send() is not written yet");
    }
}
