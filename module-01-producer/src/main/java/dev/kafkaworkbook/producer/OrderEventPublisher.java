package dev.kafkaworkbook.producer;

import org.apache.kafka.clients.producer.Producer;

import java.util.List;

/**
 * <b>Exercise 1.3 — Keyed publishing.</b>
 *
 * <p>The order service publishes the events of many orders, interleaved: order A created, order B created,
 * order A paid, order B cancelled… Consumers must see the events of each order in the order they happened, and
 * Kafka keeps order only within a partition. The key of a record decides its partition. Publish
 * {@code events} so that:
 * <ul>
 *   <li>every event goes to {@code topic} as the value of a record whose key is the event's
 *       {@link OrderEvent#orderId() order_id};</li>
 *   <li>the events are sent in list order (within one order, the list holds them in the order they happened);</li>
 *   <li>the partition is the one Kafka's default partitioner picks for the key, which every Kafka client
 *       computes the same way: do not choose it yourself;</li>
 *   <li>every event is sent exactly once.</li>
 * </ul>
 * The producer is given (its value serializer writes {@link OrderEvent} as JSON) and belongs to the caller: do
 * not close it. {@code send()} is asynchronous; you need not wait for the acknowledgements: the caller flushes once
 * {@code publish()} returns, so hand every event to {@code send()} before returning.
 *
 * <p>Statement: {@code module-01-producer/README.md#13-keyed-publishing} (es: {@code README.es.md}).
 */
public final class OrderEventPublisher {

    private OrderEventPublisher() {
    }

    /**
     * @param producer the producer to send with, keys as strings and values as order events
     * @param topic    the topic to publish to
     * @param events   the events to publish, in the order to send them
     */
    public static void publish(Producer<String, OrderEvent> producer, String topic, List<OrderEvent> events) {
        // TODO 1.3: send every event to topic, keyed by its order_id, in list order.
        throw new UnsupportedOperationException("TODO 1.3: OrderEventPublisher.publish() is not written yet");
    }
}
