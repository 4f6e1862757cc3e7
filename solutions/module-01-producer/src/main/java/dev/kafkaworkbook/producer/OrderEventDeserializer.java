package dev.kafkaworkbook.producer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;

/** Reference solution of exercise 1.2 — JSON serialization (the reading side). */
public class OrderEventDeserializer implements Deserializer<OrderEvent> {

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public OrderEvent deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return mapper.readValue(data, OrderEvent.class);
        } catch (IOException e) {
            // Kafka's own exception: the consumer wraps it with the partition and offset of the bad record.
            throw new SerializationException("A record of " + topic + " is not an order event in JSON ("
                    + data.length + " bytes)", e);
        }
    }
}
