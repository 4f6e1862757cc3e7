package dev.kafkaworkbook.delivery;

import org.apache.kafka.common.serialization.Serdes;

/** Given: the {@link OrderEvent} serializer and deserializer as one {@code Serde}, for Kafka Streams (3.5). */
public final class OrderEventSerde extends Serdes.WrapperSerde<OrderEvent> {

    public OrderEventSerde() {
        super(new OrderEventSerializer(), new OrderEventDeserializer());
    }
}
