package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DeletedRecords;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Exercise 4.5., a plausible wrong answer: all-old partitions deleted up to one past their end */
public final class RecordCleanup {

    private RecordCleanup() {
    }

    public static Map<TopicPartition, Long> deleteOlderThan(Admin admin, String topic, long cutoffMs) throws Exception {
        List<TopicPartitionInfo> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(10, TimeUnit.SECONDS).get(topic).partitions();
        Map<TopicPartition, OffsetSpec> atCutoff = new HashMap<>();
        Map<TopicPartition, OffsetSpec> atEnd = new HashMap<>();
        for (TopicPartitionInfo info : partitions) {
            TopicPartition partition = new TopicPartition(topic, info.partition());
            atCutoff.put(partition, OffsetSpec.forTimestamp(cutoffMs));
            atEnd.put(partition, OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResultInfo> firstKept = admin.listOffsets(atCutoff).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(atEnd).all().get(10, TimeUnit.SECONDS);

        Map<TopicPartition, RecordsToDelete> deletions = new HashMap<>();
        firstKept.forEach((partition, found) -> {
            // No record at or after the cutoff (offset -1): every record goes, up to the end of the log.
            long before = found.offset() >= 0 ? found.offset() : ends.get(partition).offset() + 1;
            deletions.put(partition, RecordsToDelete.beforeOffset(before));
        });
        Map<TopicPartition, KafkaFuture<DeletedRecords>> deleted = admin.deleteRecords(deletions).lowWatermarks();
        Map<TopicPartition, Long> logStart = new HashMap<>();
        for (Map.Entry<TopicPartition, KafkaFuture<DeletedRecords>> result : deleted.entrySet()) {
            logStart.put(result.getKey(), result.getValue().get(10, TimeUnit.SECONDS).lowWatermark());
        }
        return logStart;
    }
}
