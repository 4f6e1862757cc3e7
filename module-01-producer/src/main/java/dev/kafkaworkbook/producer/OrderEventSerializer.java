package dev.kafkaworkbook.producer;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * <b>Exercise 1.2 — JSON serialization (the writing side; {@link OrderEventDeserializer} is the reading side).</b>
 *
 * <p>The order service publishes {@link OrderEvent}s; other teams consume them, in Java or in other languages.
 * Turn an event into the bytes of a record value:
 * <ul>
 *   <li>UTF-8 JSON with the snake_case field names that {@link OrderEvent} declares ({@code order_id},
 *       {@code status}, {@code customer}, {@code amount_cents}, {@code created_at}); any text (quotes,
 *       backslashes, line breaks, accents, CJK, emoji) must come out as valid JSON that reads back the same;</li>
 *   <li>{@code null} stays {@code null}: a record with a null value is a tombstone ("this key is deleted"),
 *       which neither the text {@code null} nor an empty array is;</li>
 *   <li>if the event cannot be written, throw Kafka's {@link SerializationException} with the cause.</li>
 * </ul>
 * Use Jackson's {@code ObjectMapper}: it honours the annotations on {@link OrderEvent} and escapes text
 * correctly. Creating one is costly and it is thread-safe: make one per serializer, not one per record.
 *
 * <p>Statement: {@code module-01-producer/README.md#12-json-serialization} (es: {@code README.es.md}).
 */
public class OrderEventSerializer implements Serializer<OrderEvent> {

    /**
     * @param topic the topic the record goes to (not needed here)
     * @param event the event to write; may be {@code null}
     * @return the event as UTF-8 JSON, or {@code null} for a {@code null} event
     */
    @Override
    public byte[] serialize(String topic, OrderEvent event) {
        // TODO 1.2: write the event as UTF-8 JSON with Jackson; null stays null; a failure is a SerializationException.
        throw new UnsupportedOperationException("TODO 1.2: OrderEventSerializer.serialize() is not written yet");
    }
}
