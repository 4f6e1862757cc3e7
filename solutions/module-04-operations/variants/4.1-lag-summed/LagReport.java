package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/** Exercise 4.1., a plausible wrong answer: every line shows the lag of the whole group */
public final class LagReport {

    private static final long TIMEOUT_S = 10;

    private LagReport() {
    }

    public static List<PartitionLag> describe(Admin admin, String groupId) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId)
                .get(TIMEOUT_S, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_S, TimeUnit.SECONDS);

        Map<TopicPartition, PartitionLag.Owner> owners = new HashMap<>();
        for (MemberDescription member : group.members()) {
            PartitionLag.Owner owner = new PartitionLag.Owner(member.consumerId(), member.host(), member.clientId());
            member.assignment().topicPartitions().forEach(partition -> owners.put(partition, owner));
        }
        Set<TopicPartition> partitions = new TreeSet<>(java.util.Comparator.comparing(TopicPartition::topic)
                .thenComparingInt(TopicPartition::partition));
        partitions.addAll(owners.keySet());
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                partitions.add(partition);
            }
        });

        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(TIMEOUT_S, TimeUnit.SECONDS);

        long total = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata commit = committed.get(partition);
            total += commit == null ? 0 : ends.get(partition).offset() - commit.offset();
        }
        List<PartitionLag> report = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            long end = ends.get(partition).offset();
            OffsetAndMetadata commit = committed.get(partition);
            OptionalLong current = commit == null ? OptionalLong.empty() : OptionalLong.of(commit.offset());
            OptionalLong lag = commit == null ? OptionalLong.empty() : OptionalLong.of(total);
            report.add(new PartitionLag(partition, current, end, lag, Optional.ofNullable(owners.get(partition))));
        }
        return report;
    }
}
