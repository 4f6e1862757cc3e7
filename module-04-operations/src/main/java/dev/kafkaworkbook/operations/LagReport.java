package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

import java.util.List;

/**
 * <b>Exercise 4.1 — Reading lag.</b>
 *
 * <p>"Kafka provides tools to monitor lag and rebalances" (Lectura): {@code kafka-consumer-groups.sh --describe}
 * lists, for each partition of a group, where the group is ({@code CURRENT-OFFSET}, its committed offset), where the
 * partition ends ({@code LOG-END-OFFSET}), how far behind the group is ({@code LAG}) and which member reads it.
 * Write {@link #describe}, which gives the same report with the Admin API, one {@link PartitionLag} per line the tool
 * would print:
 * <ul>
 *   <li>the partitions assigned to the group's members <em>and</em> the partitions where the group has a committed
 *       offset, each once, whether or not the other applies;</li>
 *   <li>the committed offset ({@link Admin#listConsumerGroupOffsets}); empty where the group committed none
 *       ({@link OffsetAndMetadata} is {@code null} there);</li>
 *   <li>the log-end offset ({@link Admin#listOffsets} with {@link OffsetSpec#latest()});</li>
 *   <li>the lag: log-end offset minus committed offset; empty where there is no committed offset (the tool prints
 *       {@code -}: it does not guess where such a consumer would start);</li>
 *   <li>the owner: the member whose assignment holds the partition ({@link Admin#describeConsumerGroups}: member
 *       id, host, client id); empty where no member holds it.</li>
 * </ul>
 * The order of the list does not matter. Wait for every admin result (with a bound) before returning.
 *
 * <p>Statement: {@code module-04-operations/README.md#41-reading-lag} (es: {@code README.es.md}).
 */
public final class LagReport {

    private LagReport() {
    }

    /**
     * @param admin   an admin client of the cluster (do not close it)
     * @param groupId the consumer group to report on
     * @return one line per partition that the group's members hold or where the group has committed an offset
     */
    public static List<PartitionLag> describe(Admin admin, String groupId) throws Exception {
        // TODO 4.1: committed offsets, log-end offsets and the members' assignments, one PartitionLag per partition.
        throw new UnsupportedOperationException("TODO 4.1: LagReport.describe() is not written yet");
    }
}
