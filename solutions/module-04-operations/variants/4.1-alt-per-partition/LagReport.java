package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** Exercise 4.1, a correct answer written differently: one listOffsets call per partition, offsets by group spec. */
public final class LagReport {

    private LagReport() {
    }

    public static List<PartitionLag> describe(Admin admin, String groupId) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> commits = admin
                .listConsumerGroupOffsets(Map.of(groupId, new ListConsumerGroupOffsetsSpec()))
                .partitionsToOffsetAndMetadata(groupId).get(5, TimeUnit.SECONDS);
        Map<TopicPartition, PartitionLag.Owner> lines = new LinkedHashMap<>();
        for (MemberDescription m : admin.describeConsumerGroups(List.of(groupId)).all().get(5, TimeUnit.SECONDS)
                .get(groupId).members()) {
            for (TopicPartition p : m.assignment().topicPartitions()) {
                lines.put(p, new PartitionLag.Owner(m.consumerId(), m.host(), m.clientId()));
            }
        }
        commits.forEach((p, o) -> {
            if (o != null) {
                lines.putIfAbsent(p, null);
            }
        });
        List<PartitionLag> out = new ArrayList<>();
        for (Map.Entry<TopicPartition, PartitionLag.Owner> line : lines.entrySet()) {
            TopicPartition p = line.getKey();
            long end = admin.listOffsets(Map.of(p, OffsetSpec.latest())).partitionResult(p).get(5, TimeUnit.SECONDS).offset();
            OffsetAndMetadata o = commits.get(p);
            out.add(new PartitionLag(p, o == null ? OptionalLong.empty() : OptionalLong.of(o.offset()), end,
                    o == null ? OptionalLong.empty() : OptionalLong.of(end - o.offset()), Optional.ofNullable(line.getValue())));
        }
        return out;
    }
}
