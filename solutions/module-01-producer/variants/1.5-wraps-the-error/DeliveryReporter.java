package dev.kafkaworkbook.producer;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;

public final class DeliveryReporter {

    private DeliveryReporter() {
    }

    public static void send(Producer<String, String> producer, ProducerRecord<String, String> record,
                            DeliveryListener listener) {
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    listener.onSuccess(metadata.topic(), metadata.partition(), metadata.offset());
                } else {
                    listener.onFailure(new RuntimeException("send of " + record.key() + " failed", error),
                            error instanceof RetriableException);
                }
            });
        } catch (RuntimeException error) {
            listener.onFailure(new RuntimeException("send of " + record.key() + " failed", error),
                    error instanceof RetriableException);
        }
    }
}
