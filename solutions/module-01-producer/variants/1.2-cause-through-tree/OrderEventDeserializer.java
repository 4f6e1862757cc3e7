package dev.kafkaworkbook.producer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;

public class OrderEventDeserializer implements Deserializer<OrderEvent> {

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public OrderEvent deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            JsonNode tree = mapper.readTree(data);
            if (tree == null || !tree.isObject()) {
                throw new SerializationException("Not a JSON object in " + topic,
                        new JsonProcessingException("expected an object, got " + tree) { });
            }
            return mapper.treeToValue(tree, OrderEvent.class);
        } catch (IOException e) {
            throw new SerializationException(e);
        }
    }
}
