package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;

/**
 * <b>Exercise 4.5 — Deleting records.</b>
 *
 * <p>{@code kafka-delete-records.sh --offset-json-file offsets.json} "manages offsets in controlled clean-up
 * scenarios": it moves the start of a partition's log forward, and every record before that offset is gone for good,
 * for every consumer. Write {@link #deleteOlderThan}, which removes from every partition of {@code topic} the records
 * stamped before {@code cutoffMs}, with the Admin API:
 * <ul>
 *   <li>per partition, find the first record stamped at or after the cutoff ({@link Admin#listOffsets} with
 *       {@link OffsetSpec#forTimestamp(long)}): everything before it goes. The timestamps of a partition grow with its
 *       offsets;</li>
 *   <li>a partition all of whose records are older than the cutoff is emptied: up to its log-end offset
 *       ({@link OffsetSpec#latest()}), and not one past it (the broker refuses offsets beyond the end with
 *       {@code OffsetOutOfRangeException}). A partition whose records are all newer keeps them all;</li>
 *   <li>delete with {@link Admin#deleteRecords} ({@link RecordsToDelete#beforeOffset(long)}) and wait for the result;</li>
 *   <li>return each partition's new log start offset: the low watermark the broker reports for it.</li>
 * </ul>
 *
 * <p>Statement: {@code module-04-operations/README.md#45-deleting-records} (es: {@code README.es.md}).
 */
public final class RecordCleanup {

    private RecordCleanup() {
    }

    /**
     * @param admin    an admin client of the cluster (do not close it)
     * @param topic    the topic to clean up
     * @param cutoffMs records with a timestamp before this instant (milliseconds since the epoch) are deleted
     * @return the new log start offset of every partition of the topic
     */
    public static Map<TopicPartition, Long> deleteOlderThan(Admin admin, String topic, long cutoffMs) throws Exception {
        // TODO 4.5: per partition, the first offset at or after the cutoff (or the end); deleteRecords before it.
        throw new UnsupportedOperationException("TODO 4.5: RecordCleanup.deleteOlderThan() is not written yet");
    }
}
