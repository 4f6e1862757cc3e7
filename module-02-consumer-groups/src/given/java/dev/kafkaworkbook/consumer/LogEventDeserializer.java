package dev.kafkaworkbook.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;

/**
 * Given: reads a {@link LogEvent} from its JSON bytes (UTF-8). Name it in a consumer's configuration as its
 * {@code value.deserializer}; Kafka creates it with its no-argument constructor. {@code null} stays {@code null};
 * bytes that are not a log event in JSON throw {@link SerializationException}.
 */
public final class LogEventDeserializer implements Deserializer<LogEvent> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public LogEvent deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return JSON.readValue(data, LogEvent.class);
        } catch (IOException e) {
            throw new SerializationException("Not a LogEvent in JSON (topic " + topic + ")", e);
        }
    }
}
