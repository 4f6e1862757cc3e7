package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/** Exercise 4.6., a plausible wrong answer: lag >= maxLag */
public final class LagMonitor {

    /** Where a group was on a partition at the last look: its committed offset and the partition's end. */
    private record Position(long committed, long end) {
    }

    private final Admin admin;
    private final long maxLag;
    private final Map<String, Map<TopicPartition, Position>> lastLook = new HashMap<>();

    public LagMonitor(Admin admin, long maxLag) {
        this.admin = admin;
        this.maxLag = maxLag;
    }

    public List<LagAlert> check(Collection<String> groupIds) throws Exception {
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        groupIds.forEach(group -> specs.put(group, new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = admin.listConsumerGroupOffsets(specs).all()
                .get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.values().forEach(offsets -> offsets.keySet().forEach(p -> latest.put(p, OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);

        List<LagAlert> alerts = new ArrayList<>();
        for (String group : groupIds) {
            Map<TopicPartition, Position> now = new HashMap<>();
            committed.getOrDefault(group, Map.of()).forEach((partition, offset) -> {
                if (offset != null) {
                    now.put(partition, new Position(offset.offset(), ends.get(partition).offset()));
                }
            });
            Map<TopicPartition, Position> before = lastLook.put(group, now);
            Set<TopicPartition> lagging = new TreeSet<>(java.util.Comparator.comparing(TopicPartition::toString));
            Set<TopicPartition> stuck = new TreeSet<>(java.util.Comparator.comparing(TopicPartition::toString));
            now.forEach((partition, position) -> {
                if (position.end() - position.committed() >= maxLag) {
                    lagging.add(partition);
                }
                Position previous = before == null ? null : before.get(partition);
                if (previous != null && previous.committed() == position.committed() && position.end() > previous.end()) {
                    stuck.add(partition);
                }
            });
            if (!lagging.isEmpty()) {
                alerts.add(new LagAlert(group, LagAlert.Reason.LAGGING, Set.copyOf(lagging)));
            }
            if (!stuck.isEmpty()) {
                alerts.add(new LagAlert(group, LagAlert.Reason.STUCK, Set.copyOf(stuck)));
            }
        }
        return alerts;
    }
}
