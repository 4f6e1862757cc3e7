package dev.kafkaworkbook.producer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Given: one event in the life of a purchase order, as the order service publishes it to Kafka (exercises 1.2
 * and 1.3).
 *
 * <p>Its JSON form is the contract with every consumer, in Java or not (the lesson's kafka-python consumer reads
 * it with {@code json.loads(v.decode("utf-8"))}): UTF-8, snake_case field names, amounts and timestamps as
 * JSON integers.
 * <pre>{@code
 * {"order_id":"order-4f2a91","status":"created","customer":"Zoë Müller","amount_cents":129900,"created_at":1718000000000}
 * }</pre>
 * The Jackson annotations already say so: a plain {@code new ObjectMapper()} writes and reads this record in
 * exactly that form, no configuration needed. Unknown fields are ignored when reading, so the producer can add
 * a field without breaking the consumers that do not know it yet.
 *
 * @param orderId     the order this event belongs to: the natural key of the event
 * @param status      the order's status after the event: created, paid, shipped…
 * @param customer    who placed the order; free text, so it may hold any character
 * @param amountCents the order total in cents: an exact integer, never a floating-point amount of money
 * @param createdAt   when the event happened, in epoch milliseconds (UTC)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"order_id", "status", "customer", "amount_cents", "created_at"})
public record OrderEvent(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("status") String status,
        @JsonProperty("customer") String customer,
        @JsonProperty("amount_cents") long amountCents,
        @JsonProperty("created_at") long createdAt) {
}
