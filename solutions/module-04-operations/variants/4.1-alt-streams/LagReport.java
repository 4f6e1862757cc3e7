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

/** Exercise 4.1., a correct answer written differently: all() of the group description, streams and Optional */
public final class LagReport {

    private static final long TIMEOUT_S = 10;

    private LagReport() {
    }

    public static List<PartitionLag> describe(Admin admin, String groupId) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).all()
                .get(TIMEOUT_S, TimeUnit.SECONDS).get(groupId);
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

        return partitions.stream().map(partition -> {
            long end = ends.get(partition).offset();
            Optional<Long> commit = Optional.ofNullable(committed.get(partition)).map(OffsetAndMetadata::offset);
            return new PartitionLag(partition,
                    commit.map(OptionalLong::of).orElseGet(OptionalLong::empty), end,
                    commit.map(c -> OptionalLong.of(end - c)).orElseGet(OptionalLong::empty),
                    Optional.ofNullable(owners.get(partition)));
        }).collect(java.util.stream.Collectors.toList());
    }
}
