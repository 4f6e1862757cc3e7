package dev.kafkaworkbook.producer;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;

/** Reference solution of exercise 1.5 — Delivery callbacks and errors. */
public final class DeliveryReporter {

    private DeliveryReporter() {
    }

    public static void send(Producer<String, String> producer, ProducerRecord<String, String> record,
                            DeliveryListener listener) {
        try {
            producer.send(record, (metadata, error) -> {
                // On failure the metadata is not null (offset -1): the exception decides, not the metadata.
                if (error == null) {
                    listener.onSuccess(metadata.topic(), metadata.partition(), metadata.offset());
                } else {
                    listener.onFailure(error, error instanceof RetriableException);
                }
            });
        } catch (RuntimeException error) {
            // Thrown before the record was queued (serializer, closed producer…): the callback will never run,
            // so this is the one and only report. Errors the producer hands back (ApiException) reach the
            // callback instead, and send() does not throw them.
            listener.onFailure(error, error instanceof RetriableException);
        }
    }
}
