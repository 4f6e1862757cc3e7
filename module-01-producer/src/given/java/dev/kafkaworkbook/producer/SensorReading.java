package dev.kafkaworkbook.producer;

/**
 * Given: one reading of one channel of a critical sensor (exercise 1.4).
 *
 * @param sensorId  the sensor, e.g. {@code sensor-3f9a0c21}
 * @param channel   the channel of that sensor, e.g. {@code ch-017}; channel names repeat across sensors
 * @param sequence  the position of this reading in its (sensorId, channel) stream: 0, 1, 2, …
 * @param value     the measured value
 * @param timestamp when it was measured, in epoch milliseconds
 */
public record SensorReading(String sensorId, String channel, long sequence, double value, long timestamp) {
}
