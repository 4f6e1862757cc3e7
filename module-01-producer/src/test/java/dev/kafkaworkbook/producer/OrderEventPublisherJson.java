package dev.kafkaworkbook.producer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;

/**
 * The grader's own JSON for {@link OrderEvent} in exercise 1.3, so that keyed publishing is graded on its own,
 * whatever the state of the learner's serializer of exercise 1.2.
 */
final class OrderEventPublisherJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OrderEventPublisherJson() {
    }

    static Serializer<OrderEvent> serializer() {
        return (topic, event) -> {
            if (event == null) {
                return null;
            }
            try {
                return MAPPER.writeValueAsBytes(event);
            } catch (IOException e) {
                throw new SerializationException(e);
            }
        };
    }

    static Deserializer<OrderEvent> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                return MAPPER.readValue(data, OrderEvent.class);
            } catch (IOException e) {
                throw new SerializationException(e);
            }
        };
    }
}
