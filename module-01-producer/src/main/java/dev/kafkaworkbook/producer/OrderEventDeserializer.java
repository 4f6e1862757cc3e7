package dev.kafkaworkbook.producer;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * <b>Exercise 1.2 — JSON serialization (the reading side; {@link OrderEventSerializer} is the writing side).</b>
 *
 * <p>Turn the value of a record back into an {@link OrderEvent}:
 * <ul>
 *   <li>the UTF-8 JSON that {@link OrderEventSerializer} writes (snake_case field names) gives back an event
 *       equal to the one written;</li>
 *   <li>{@code null} (a tombstone) gives {@code null};</li>
 *   <li>bytes that are not such JSON (truncated, not JSON at all, wrong types…) make it throw Kafka's
 *       {@link SerializationException}, with the parser's error as cause: never a raw Jackson or I/O exception,
 *       a {@code NullPointerException}, or a made-up event. The consumer then reports the record's partition and
 *       offset, and the application can skip it or send it to a dead-letter topic.</li>
 * </ul>
 * Jackson's {@code ObjectMapper} reads it in one call; it is costly to create and thread-safe, so one per
 * deserializer is enough, rather than one per record.
 *
 * <p>Statement: {@code module-01-producer/README.md#12-json-serialization} (es: {@code README.es.md}).
 */
public class OrderEventDeserializer implements Deserializer<OrderEvent> {

    /**
     * @param topic the topic the record comes from (useful in an error message)
     * @param data  the record value; {@code null} for a tombstone
     * @return the event, or {@code null} for {@code null} data
     * @throws SerializationException when {@code data} is not an order event in JSON
     */
    @Override
    public OrderEvent deserialize(String topic, byte[] data) {
        // TODO 1.2: read the UTF-8 JSON back into an OrderEvent with Jackson; null stays null; corrupt bytes throw SerializationException.
        throw new UnsupportedOperationException("TODO 1.2: OrderEventDeserializer.deserialize() is not written yet");
    }
}
