package dev.kafkaworkbook.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Given: writes an {@link OrderEvent} as UTF-8 JSON; {@code null} stays {@code null}. */
public final class OrderEventSerializer implements Serializer<OrderEvent> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public byte[] serialize(String topic, OrderEvent event) {
        if (event == null) {
            return null;
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Could not write an OrderEvent as JSON", e);
        }
    }
}
