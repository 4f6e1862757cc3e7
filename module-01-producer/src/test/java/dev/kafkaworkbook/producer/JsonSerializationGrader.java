package dev.kafkaworkbook.producer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkaworkbook.kit.grading.Attempt;
import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.grading.Throwables;
import dev.kafkaworkbook.kit.grading.Todo;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;

/**
 * Grades exercise 1.2 on the broker: events written with the learner's serializer are read back with the
 * learner's deserializer (round trip), and also as raw bytes by the grader's own Jackson, as any consumer in any
 * language would read them. Null and corrupt payloads are fed to the deserializer directly, since a consumer
 * wraps whatever a deserializer throws and would hide what the learner's code threw.
 */
@Grader(exercise = "1.2")
class JsonSerializationGrader {

    /** The grader's reader of the raw bytes: plain Jackson, strict about duplicate fields. */
    private static final ObjectMapper ANY_CONSUMER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final int SHOWN_CHARS = 320;

    @Order(1)
    @Check(points = 2)
    void eventsSurviveARoundTrip(Cluster cluster, TestData data, Feedback feedback) {
        List<OrderEvent> events = trickyEvents(data, 10, 20);
        String topic = cluster.createTopic("orders-json", 1);
        produce(cluster, topic, events, feedback);
        OrderEventDeserializer deserializer = feedback.call("deserializer.hang", OrderEventDeserializer::new);
        List<ConsumerRecord<String, OrderEvent>> back;
        try {
            back = feedback.call("deserializer.hang",
                    () -> cluster.readToEnd(topic, new StringDeserializer(), deserializer));
        } catch (RecordDeserializationException unreadable) {
            Todo.rethrowIfPresent(unreadable);
            int index = (int) unreadable.offset();
            byte[] written = cluster.readToEnd(topic, new StringDeserializer(), new ByteArrayDeserializer())
                    .get(index).value();
            throw feedback.wrong("roundTrip.unreadable", show(events.get(index)),
                    feedback.text("roundTrip.unreadable.observed", show(written), describe(unreadable.getCause())));
        }
        feedback.expectEqual("landed", events.size(), back.size());
        for (int i = 0; i < events.size(); i++) {
            OrderEvent written = events.get(i);
            OrderEvent read = back.get(i).value();
            feedback.expect("roundTrip", written.equals(read), show(written), read == null ? null
                    : feedback.text("roundTrip.observed", show(read), String.join(", ", differingFields(written, read))));
        }
    }

    @Order(2)
    @Check(points = 2)
    void theTopicHoldsPlainUtf8JsonWithSnakeCaseFields(Cluster cluster, TestData data, Feedback feedback) {
        List<OrderEvent> events = trickyEvents(data, 8, 16);
        String topic = cluster.createTopic("orders-json", 1);
        produce(cluster, topic, events, feedback);
        List<ConsumerRecord<String, byte[]>> raw = cluster.readToEnd(topic, new StringDeserializer(), new ByteArrayDeserializer());
        feedback.expectEqual("landed", events.size(), raw.size());
        for (int i = 0; i < events.size(); i++) {
            OrderEvent event = events.get(i);
            byte[] value = raw.get(i).value();
            feedback.expect("json.null", value != null && value.length > 0, show(event), describeValue(value, feedback));
            int malformed = firstMalformedUtf8Byte(value);
            feedback.expect("json.utf8", malformed < 0, feedback.text("json.utf8.expected", show(event)),
                    feedback.text("json.utf8.observed", malformed, hexAround(value, malformed), show(value)));
            JsonNode json;
            try {
                json = ANY_CONSUMER.readTree(value);
            } catch (IOException invalid) {
                throw feedback.wrong("json.invalid", feedback.text("json.invalid.expected", show(event)),
                        feedback.text("json.invalid.observed", show(value), firstLine(invalid.getMessage())));
            }
            feedback.expect("json.object", json != null && json.isObject(), feedback.text("json.object.expected"), show(value));
            expectText(feedback, json, "order_id", event.orderId(), value);
            expectText(feedback, json, "status", event.status(), value);
            expectText(feedback, json, "customer", event.customer(), value);
            expectNumber(feedback, json, "amount_cents", event.amountCents(), value);
            expectNumber(feedback, json, "created_at", event.createdAt(), value);
        }
    }

    @Order(3)
    @Check
    void nullStaysNullBothWays(Cluster cluster, TestData data, Feedback feedback) {
        String topic = cluster.createTopic("orders-tombstone", 1);
        KafkaProducer<String, OrderEvent> producer = cluster.producer(new StringSerializer(),
                feedback.call("serializer.hang", OrderEventSerializer::new), Map.of());
        String orderId = data.id("order");
        feedback.run("serializer.hang",
                () -> producer.send(new ProducerRecord<>(topic, orderId, null)).get());
        List<ConsumerRecord<String, byte[]>> raw = cluster.readToEnd(topic, new StringDeserializer(), new ByteArrayDeserializer());
        feedback.expectEqual("landed", 1, raw.size());
        byte[] value = raw.get(0).value();
        feedback.expect("tombstone", value == null, feedback.text("tombstone.expected", orderId), describeValue(value, feedback));

        OrderEventDeserializer deserializer = feedback.call("deserializer.hang", OrderEventDeserializer::new);
        Attempt<OrderEvent> back = feedback.attempt("deserializer.hang",
                () -> deserializer.deserialize(topic, new RecordHeaders(), (byte[]) null));
        feedback.expect("nullBack", !back.threw() && back.value() == null, "null", describe(back, feedback));
    }

    @Order(4)
    @Check
    void aCorruptPayloadIsASerializationException(TestData data, Feedback feedback) {
        String topic = TestData.uniqueName("orders-json");
        OrderEventDeserializer deserializer = feedback.call("deserializer.hang", OrderEventDeserializer::new);
        for (Map.Entry<String, byte[]> corrupt : corruptPayloads(data, feedback).entrySet()) {
            Attempt<OrderEvent> outcome = feedback.attempt("deserializer.hang",
                    () -> deserializer.deserialize(topic, new RecordHeaders(), corrupt.getValue()));
            String expected = feedback.text("corrupt.expected", corrupt.getKey(), show(corrupt.getValue()));
            feedback.expect(outcome.threw() ? "corrupt.wrongException" : "corrupt.accepted",
                    outcome.thrown() instanceof SerializationException, expected, describe(outcome, feedback));
            // The parser's error says what is wrong with the bytes: it must travel as the cause.
            Throwable cause = outcome.thrown().getCause();
            feedback.expect("corrupt.cause", cause instanceof IOException, feedback.text("corrupt.cause.expected"),
                    cause == null ? feedback.text("corrupt.cause.none", Throwables.chain(outcome.thrown()))
                            : Throwables.chain(outcome.thrown()));
        }
    }

    /** Writes every event with the learner's serializer, keyed by order id, and waits for the acknowledgements. */
    private static void produce(Cluster cluster, String topic, List<OrderEvent> events, Feedback feedback) {
        KafkaProducer<String, OrderEvent> producer = cluster.producer(new StringSerializer(),
                feedback.call("serializer.hang", OrderEventSerializer::new), Map.of());
        feedback.run("serializer.hang", () -> {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (OrderEvent event : events) {
                sends.add(producer.send(new ProducerRecord<>(topic, event.orderId(), event)));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        });
    }

    /**
     * Random events whose texts, taken together, hold a quote, a backslash, a CJK character and an emoji (a
     * character outside the Basic Multilingual Plane): what hand-made JSON or a non-UTF-8 encoding gets wrong.
     */
    private static List<OrderEvent> trickyEvents(TestData data, int min, int max) {
        int count = data.between(min, max);
        List<OrderEvent> events = new ArrayList<>();
        StringBuilder texts = new StringBuilder();
        while (events.size() < count || (events.size() < 100 && !coversTrickyCharacters(texts))) {
            OrderEvent event = new OrderEvent(data.id("order"), data.trickyText(), data.trickyText(),
                    data.random().nextInt(5) == 0 ? (1L << 53) + data.between(1, 999) : data.between(0, 5_000_000),
                    1_600_000_000_000L + data.between(0, 1_000_000_000) * 100L);
            events.add(event);
            texts.append(event.status()).append(event.customer());
        }
        return events;
    }

    private static boolean coversTrickyCharacters(CharSequence texts) {
        String text = texts.toString();
        return text.contains("\"") && text.contains("\\") && text.contains("東")
                && text.codePoints().anyMatch(c -> c > 0xFFFF);
    }

    /** Payloads no order event serializes to, each under a description of what is wrong with it. */
    private static Map<String, byte[]> corruptPayloads(TestData data, Feedback feedback) {
        OrderEvent event = new OrderEvent(data.id("order"), "created", data.id("customer"),
                data.between(100, 99_999), 1_700_000_000_000L + data.between(0, 1_000_000_000) * 10L);
        String json;
        try {
            json = ANY_CONSUMER.writeValueAsString(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, byte[]> payloads = new LinkedHashMap<>();
        payloads.put(feedback.text("corrupt.truncated"), utf8(json.substring(0, data.between(json.length() / 3, json.length() - 2))));
        payloads.put(feedback.text("corrupt.notJson"), utf8("order " + event.orderId() + " created"));
        payloads.put(feedback.text("corrupt.wrongType"), utf8(json.replace(
                "\"amount_cents\":" + event.amountCents(), "\"amount_cents\":\"" + data.id("lots") + "\"")));
        payloads.put(feedback.text("corrupt.array"), utf8("[\"" + event.orderId() + "\",\"created\"]"));
        return payloads;
    }

    private static void expectText(Feedback feedback, JsonNode json, String field, String expected, byte[] value) {
        JsonNode actual = json.get(field);
        expectField(feedback, json, field, value);
        feedback.expect("json.field", actual.isTextual() && expected.equals(actual.textValue()),
                field(field, ANY_CONSUMER.getNodeFactory().textNode(expected)), field(field, actual));
    }

    private static void expectNumber(Feedback feedback, JsonNode json, String field, long expected, byte[] value) {
        JsonNode actual = json.get(field);
        expectField(feedback, json, field, value);
        feedback.expect("json.field", actual.isIntegralNumber() && actual.canConvertToLong() && actual.longValue() == expected,
                field(field, ANY_CONSUMER.getNodeFactory().numberNode(expected)), field(field, actual));
    }

    private static void expectField(Feedback feedback, JsonNode json, String field, byte[] value) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        feedback.expect("json.missing", json.has(field), feedback.text("json.missing.expected", field),
                feedback.text("json.missing.observed", names, show(value)));
    }

    private static String field(String name, JsonNode value) {
        return "\"" + name + "\": " + value;
    }

    /** The exception's class and message, and the root cause's, which usually says what was wrong. */
    private static String describe(Throwable thrown) {
        StringBuilder text = new StringBuilder(thrown.getClass().getName()).append(": ").append(firstLine(thrown.getMessage()));
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != thrown) {
            text.append("\n              caused by ").append(root.getClass().getName()).append(": ").append(firstLine(root.getMessage()));
        }
        return text.toString();
    }

    private static String describeValue(byte[] value, Feedback feedback) {
        if (value == null) {
            return feedback.text("value.null");
        }
        return value.length == 0 ? feedback.text("value.empty") : feedback.text("value.bytes", value.length, show(value));
    }

    /** An event as the JSON it should be, which shows every character of its texts unambiguously. */
    private static String show(OrderEvent event) {
        try {
            return ANY_CONSUMER.writeValueAsString(event);
        } catch (IOException e) {
            return String.valueOf(event);
        }
    }

    /** A payload as a learner can read it: decoded leniently, control characters escaped, cut to a length. */
    private static String show(byte[] value) {
        if (value == null) {
            return "null";
        }
        String text = new String(value, StandardCharsets.UTF_8).replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "…";
    }

    /** The offset of the first byte that is not well-formed UTF-8, or -1. */
    private static int firstMalformedUtf8Byte(byte[] value) {
        ByteBuffer in = ByteBuffer.wrap(value);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, CharBuffer.allocate(value.length), true);
        return result.isError() ? in.position() : -1;
    }

    /** The bytes around {@code offset} in hex, the one at {@code offset} in brackets. */
    private static String hexAround(byte[] value, int offset) {
        StringBuilder hex = new StringBuilder(offset > 6 ? "… " : "");
        for (int i = Math.max(0, offset - 6); i < Math.min(value.length, offset + 6); i++) {
            hex.append(i == offset ? String.format("[%02x] ", value[i]) : String.format("%02x ", value[i]));
        }
        return hex.append(offset + 6 < value.length ? "…" : "").toString().trim();
    }

    /** The components in which two events differ, by their JSON names. */
    private static List<String> differingFields(OrderEvent expected, OrderEvent observed) {
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(expected.orderId(), observed.orderId())) {
            fields.add("order_id");
        }
        if (!Objects.equals(expected.status(), observed.status())) {
            fields.add("status");
        }
        if (!Objects.equals(expected.customer(), observed.customer())) {
            fields.add("customer");
        }
        if (expected.amountCents() != observed.amountCents()) {
            fields.add("amount_cents");
        }
        if (expected.createdAt() != observed.createdAt()) {
            fields.add("created_at");
        }
        return fields;
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** What a call into the deserializer gave, as the learner reads it. */
    private static String describe(Attempt<?> attempt, Feedback feedback) {
        return attempt.threw() ? feedback.text("outcome.threw", describe(attempt.thrown()))
                : feedback.text("outcome.returned", attempt.value());
    }
}
