package dev.kafkaworkbook.producer;

/**
 * <b>Exercise 1.4 — Partition keys without hotspots.</b>
 *
 * <p>Critical sensors publish their readings to one topic. Each sensor has one or more <em>channels</em>
 * (temperature, vibration axis 3, …) and each channel is an ordered stream: its readings carry a
 * {@code sequence} and must be consumed in that order. Nothing needs ordering <em>across</em> channels, not even
 * the channels of one sensor.
 *
 * <p>The load is skewed: a few hot sensors (vibration arrays with a hundred channels or more) produce almost every
 * reading, while many cold sensors send a handful. Return the record key for a {@link SensorReading} (a given
 * record) such that, with Kafka's default partitioner:
 * <ul>
 *   <li>every reading of one (sensorId, channel) stream goes to the same partition, so the stream stays in order;</li>
 *   <li>a hot sensor does not pile onto a single partition: its load spreads over the topic's partitions;</li>
 *   <li>the key is never {@code null} and depends only on the reading's content: the same reading always gets
 *       the same key.</li>
 * </ul>
 *
 * <p>Statement: {@code module-01-producer/README.md#14-partition-keys-without-hotspots} (es: {@code README.es.md}).
 */
public final class SensorKeys {

    private SensorKeys() {
    }

    /**
     * @param reading a reading about to be published
     * @return the key to publish it with: the same for every reading of one (sensorId, channel) stream, never null
     */
    public static String keyFor(SensorReading reading) {
        // TODO 1.4: return a key that keeps each (sensorId, channel) stream on one partition and spreads hot sensors.
        throw new UnsupportedOperationException("TODO 1.4: SensorKeys.keyFor() is not written yet");
    }
}
