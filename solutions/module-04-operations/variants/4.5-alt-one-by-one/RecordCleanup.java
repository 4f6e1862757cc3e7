package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Exercise 4.5, a correct answer written differently: partition by partition, then the earliest offsets read back. */
public final class RecordCleanup {

    private RecordCleanup() {
    }

    public static Map<TopicPartition, Long> deleteOlderThan(Admin admin, String topic, long cutoffMs) throws Exception {
        int partitions = admin.describeTopics(java.util.List.of(topic)).topicNameValues().get(topic)
                .get(5, TimeUnit.SECONDS).partitions().size();
        Map<TopicPartition, Long> starts = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            TopicPartition tp = new TopicPartition(topic, p);
            long first = admin.listOffsets(Map.of(tp, OffsetSpec.forTimestamp(cutoffMs))).partitionResult(tp)
                    .get(5, TimeUnit.SECONDS).offset();
            long end = admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).get(5, TimeUnit.SECONDS).offset();
            long before = first < 0 ? end : first;
            if (before > 0) {
                admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(before))).all().get(5, TimeUnit.SECONDS);
            }
            starts.put(tp, admin.listOffsets(Map.of(tp, OffsetSpec.earliest())).partitionResult(tp).get(5, TimeUnit.SECONDS).offset());
        }
        return starts;
    }
}
