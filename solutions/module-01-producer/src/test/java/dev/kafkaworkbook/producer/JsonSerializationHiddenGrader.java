package dev.kafkaworkbook.producer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.TestData;
import org.junit.jupiter.api.Order;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Hidden grader of exercise 1.2 (instructors only): events at the edges of their types, which the visible checks'
 * random events rarely reach. Each must survive the learner's own round trip and read back the same with plain
 * Jackson, as any consumer would.
 */
@Grader(exercise = "1.2", hidden = true)
class JsonSerializationHiddenGrader {

    private static final ObjectMapper ANY_CONSUMER = new ObjectMapper();

    @Order(1)
    @Check
    void eventsAtTheEdgesSurviveTheRoundTrip(TestData data, Feedback feedback) {
        String topic = TestData.uniqueName("orders-edges");
        OrderEventSerializer serializer = feedback.call("serializer.hang", OrderEventSerializer::new);
        OrderEventDeserializer deserializer = feedback.call("deserializer.hang", OrderEventDeserializer::new);
        for (OrderEvent event : edgeEvents(data)) {
            byte[] bytes = feedback.call("serializer.hang", () -> serializer.serialize(topic, event));
            OrderEvent back = feedback.call("deserializer.hang", () -> deserializer.deserialize(topic, bytes));
            feedback.expectEqual("edge.roundTrip", event, back);
            OrderEvent readByAnyone;
            try {
                readByAnyone = ANY_CONSUMER.readValue(bytes, OrderEvent.class);
            } catch (IOException unreadable) {
                throw feedback.wrong("edge.json", event, unreadable.getMessage());
            }
            feedback.expectEqual("edge.json", event, readByAnyone);
        }
    }

    /** Empty texts, a 10 KB name, every tricky character at once, and the extreme values of the numbers. */
    private static List<OrderEvent> edgeEvents(TestData data) {
        StringBuilder everything = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            everything.append(data.trickyText());
        }
        List<OrderEvent> events = new ArrayList<>();
        events.add(new OrderEvent(data.id("order"), "", "", 0, 0));
        events.add(new OrderEvent(data.id("order"), "created", "x".repeat(10_000) + data.trickyText(), Long.MAX_VALUE, Long.MAX_VALUE));
        events.add(new OrderEvent(data.id("order"), "refunded", everything.toString(), -data.between(1, 999_999), 1));
        events.add(new OrderEvent(data.id("order") + "-\u0000-\u001f-\u2028", "paid\r\n", "\uD83D\uDE00\uD83C\uDDEA\uD83C\uDDF8", Long.MIN_VALUE + 1, 253_402_300_799_000L));
        return events;
    }
}
