package dev.kafkaworkbook.producer;

/** Reference solution of exercise 1.4 — Partition keys without hotspots. */
public final class SensorKeys {

    private SensorKeys() {
    }

    public static String keyFor(SensorReading reading) {
        // The key is the unit of ordering: one (sensor, channel) stream. Keying by the sensor alone would put
        // every channel of a hot sensor on one partition; adding the sequence or a random value would scatter
        // a stream over partitions and lose its order. The separator keeps ("s1", "2x") apart from ("s12", "x").
        return reading.sensorId() + "/" + reading.channel();
    }
}
