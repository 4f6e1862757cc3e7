package dev.kafkaworkbook.consumer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Given: one log line of a microservice, as its instances publish it to Kafka (every exercise of module 2). Records
 * are keyed by the service's request id; the value is this event in JSON:
 * <pre>{@code
 * {"id":"log-4f2a91c0","service":"checkout","level":"WARN","message":"payment retried","timestamp":1718000000000}
 * }</pre>
 *
 * @param id        unique per event: what a deduplicating consumer would key on
 * @param service   the microservice that logged it
 * @param level     TRACE, DEBUG, INFO, WARN or ERROR
 * @param message   free text, any character
 * @param timestamp when it was logged, in epoch milliseconds
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "service", "level", "message", "timestamp"})
public record LogEvent(
        @JsonProperty("id") String id,
        @JsonProperty("service") String service,
        @JsonProperty("level") String level,
        @JsonProperty("message") String message,
        @JsonProperty("timestamp") long timestamp) {
}
