package dev.kafkaworkbook.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;

/**
 * Given: reads an {@link OrderEvent} from its UTF-8 JSON. {@code null} stays {@code null}; bytes that are not an order
 * event (a "poison pill") throw {@link SerializationException}, which a consumer's {@code poll()} reports as a
 * {@link org.apache.kafka.common.errors.RecordDeserializationException} naming the partition and offset.
 */
public final class OrderEventDeserializer implements Deserializer<OrderEvent> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public OrderEvent deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            OrderEvent event = JSON.readValue(data, OrderEvent.class);
            if (event == null || event.orderId() == null || event.eventId() == null) {
                throw new SerializationException("Not an OrderEvent: no order_id or event_id (topic " + topic + ")");
            }
            return event;
        } catch (IOException e) {
            throw new SerializationException("Not an OrderEvent in JSON (topic " + topic + ")", e);
        }
    }
}
