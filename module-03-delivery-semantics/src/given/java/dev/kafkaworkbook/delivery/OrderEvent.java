package dev.kafkaworkbook.delivery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Given: one event in the life of a purchase order (every exercise of module 3). Records are keyed by
 * {@code orderId}; the value is this event in JSON:
 * <pre>{@code
 * {"order_id":"order-4f2a91","event_id":"e3","customer":"customer-07","amount_cents":1250,"emitted_at":1718000000000}
 * }</pre>
 * <b>The natural key of an event is {@code (orderId, eventId)}</b>: event ids count within their order ({@code e1},
 * {@code e2}…), so two orders both have an {@code e1}. An upstream service that retries a send emits the same event
 * again, with the same key but a later {@code emittedAt}: the same event, other bytes, another offset.
 *
 * @param orderId     the order the event belongs to; the record key
 * @param eventId     the event's number within its order: unique per order, not across orders
 * @param customer    who placed the order
 * @param amountCents what the event adds to the order's total, in cents (may be negative: a refund)
 * @param emittedAt   when the upstream sent this copy, in epoch milliseconds (differs between retries)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"order_id", "event_id", "customer", "amount_cents", "emitted_at"})
public record OrderEvent(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("event_id") String eventId,
        @JsonProperty("customer") String customer,
        @JsonProperty("amount_cents") long amountCents,
        @JsonProperty("emitted_at") long emittedAt) {
}
