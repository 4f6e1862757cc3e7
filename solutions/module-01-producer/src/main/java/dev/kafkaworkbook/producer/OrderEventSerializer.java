package dev.kafkaworkbook.producer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Reference solution of exercise 1.2 — JSON serialization (the writing side). */
public class OrderEventSerializer implements Serializer<OrderEvent> {

    // Thread-safe once configured, and costly to build: one for the serializer's life.
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public byte[] serialize(String topic, OrderEvent event) {
        // A null value is a tombstone: it must reach the broker as null, not as the JSON text "null".
        if (event == null) {
            return null;
        }
        try {
            // Jackson writes UTF-8 and escapes quotes, backslashes and control characters.
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Could not write order event " + event.orderId() + " as JSON", e);
        }
    }
}
