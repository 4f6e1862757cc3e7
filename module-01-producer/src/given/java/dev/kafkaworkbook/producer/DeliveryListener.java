package dev.kafkaworkbook.producer;

/** Given: who hears the outcome of a send in exercise 1.5 (the caller's metrics, DLQ, retry queue…). */
public interface DeliveryListener {

    /** The record is on the broker, at {@code offset} of {@code partition} of {@code topic}. */
    void onSuccess(String topic, int partition, long offset);

    /**
     * The record was not written.
     *
     * @param error     the exception the producer gave, as it is
     * @param retriable {@code error instanceof RetriableException}: sending it again later may succeed
     */
    void onFailure(Exception error, boolean retriable);
}
