package dev.kafkaworkbook.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Properties;

/**
 * <b>Exercise 2.6 — Controlled replay for analytics.</b>
 *
 * <p>The analytics team re-reads logs that the service has already processed: a range of offsets to rebuild a
 * report, everything since an incident began. The log is still there (Kafka keeps records after they are read), so
 * a replay is just reading again, from a chosen position. It must not disturb the service: its group's committed
 * offsets stay where they are, and its running instances keep their partitions.
 *
 * <p>Both methods get the <em>service's</em> consumer configuration ({@code bootstrap.servers}, its
 * {@code group.id}, deserializers for {@link LogEvent}, no auto-commit). Build your own consumer from a copy of it,
 * with an identity that is not the service's group: read by assigning partitions to yourself ({@code assign},
 * {@code seek}; no group is joined, nothing is committed), or in a group of your own. Close it before returning.
 * <ul>
 *   <li>{@link #readRange}: the records of one partition from offset {@code from} (included) to {@code to}
 *       (excluded), in offset order; the range may be larger than one {@code poll()} returns;</li>
 *   <li>{@link #readSince}: the records of every partition of {@code topic} from the first one whose timestamp is at
 *       or after {@code sinceMs} ({@code offsetsForTimes}) up to the end of the partition as it is when the call
 *       begins, partition by partition in offset order. A replay is by position: a record stamped earlier but written
 *       after that point (a late producer) is part of it. A partition with no record that recent contributes nothing.</li>
 * </ul>
 *
 * <p>Statement: {@code module-02-consumer-groups/README.md#26-controlled-replay-for-analytics} (es: {@code README.es.md}).
 */
public final class AnalyticsReplay {

    private AnalyticsReplay() {
    }

    public static List<ConsumerRecord<String, LogEvent>> readRange(Properties serviceConfig, TopicPartition partition,
                                                                   long from, long to) {
        // TODO 2.6: a consumer of your own (not the service's group); assign the partition, seek to from, poll until
        //  you reach to; close it.
        throw new UnsupportedOperationException("TODO 2.6: AnalyticsReplay.readRange() is not written yet");
    }

    public static List<ConsumerRecord<String, LogEvent>> readSince(Properties serviceConfig, String topic, long sinceMs) {
        // TODO 2.6: offsetsForTimes(sinceMs) for every partition, seek there, read up to the end offsets taken at the
        //  start; partitions with no such record contribute nothing.
        throw new UnsupportedOperationException("TODO 2.6: AnalyticsReplay.readSince() is not written yet");
    }
}
