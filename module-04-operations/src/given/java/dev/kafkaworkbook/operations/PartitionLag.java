package dev.kafkaworkbook.operations;

import org.apache.kafka.common.TopicPartition;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Given: one line of a group's lag report (exercise 4.1), as {@code kafka-consumer-groups --describe} prints it:
 * <pre>
 * GROUP   TOPIC   PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG  CONSUMER-ID      HOST        CLIENT-ID
 * orders  orders  0          5               25              20   0yek4tg7S6SU…    /127.0.0.1  consumer-orders-1
 * orders  orders  1          -               12              -    0yek4tg7S6SU…    /127.0.0.1  consumer-orders-1
 * orders  audit   1          7               50              43   -                -           -
 * </pre>
 *
 * @param partition       the topic and partition
 * @param committedOffset the group's committed offset there ({@code CURRENT-OFFSET}); empty where the group has
 *                        committed none, which the tool prints as {@code -}
 * @param logEndOffset    the partition's log-end offset: where the next record will be written ({@code LOG-END-OFFSET})
 * @param lag             how many records the group has still to read ({@code LAG}); empty where there is no
 *                        committed offset to count from ({@code -})
 * @param owner           the member the partition is assigned to; empty where no member has it ({@code -})
 */
public record PartitionLag(TopicPartition partition, OptionalLong committedOffset, long logEndOffset, OptionalLong lag,
                           Optional<Owner> owner) {

    public PartitionLag {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(committedOffset, "committedOffset (OptionalLong.empty() where there is none)");
        Objects.requireNonNull(lag, "lag (OptionalLong.empty() where there is none)");
        Objects.requireNonNull(owner, "owner (Optional.empty() where no member has the partition)");
    }

    /** The member that owns a partition: {@code CONSUMER-ID}, {@code HOST}, {@code CLIENT-ID}. */
    public record Owner(String consumerId, String host, String clientId) {
    }

    /** The line as the tool prints it, {@code -} for what is absent. */
    @Override
    public String toString() {
        return String.format("%-30s %-9d %-14s %-14d %-6s %s", partition.topic(), partition.partition(),
                dash(committedOffset), logEndOffset, dash(lag),
                owner.map(o -> o.consumerId() + " " + o.host() + " " + o.clientId()).orElse("- - -"));
    }

    private static String dash(OptionalLong value) {
        return value.isPresent() ? String.valueOf(value.getAsLong()) : "-";
    }
}
