package dev.kafkaworkbook.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Exercise 4.6, a correct answer written differently: group by group, offsets kept as long[] {committed, end}. */
public final class LagMonitor {

    private final Admin admin;
    private final long maxLag;
    private final Map<String, Map<TopicPartition, long[]>> previous = new HashMap<>();

    public LagMonitor(Admin admin, long maxLag) {
        this.admin = admin;
        this.maxLag = maxLag;
    }

    public List<LagAlert> check(Collection<String> groupIds) throws Exception {
        List<LagAlert> alerts = new ArrayList<>();
        for (String group : groupIds) {
            Map<TopicPartition, OffsetAndMetadata> commits = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
            commits.forEach((p, o) -> { if (o != null) ask.put(p, OffsetSpec.latest()); });
            Map<TopicPartition, long[]> look = new HashMap<>();
            if (!ask.isEmpty()) {
                admin.listOffsets(ask).all().get(5, TimeUnit.SECONDS)
                        .forEach((p, info) -> look.put(p, new long[]{commits.get(p).offset(), info.offset()}));
            }
            Map<LagAlert.Reason, Set<TopicPartition>> found = new EnumMap<>(LagAlert.Reason.class);
            Map<TopicPartition, long[]> last = previous.getOrDefault(group, Map.of());
            look.forEach((p, now) -> {
                if (now[1] - now[0] > maxLag) {
                    found.computeIfAbsent(LagAlert.Reason.LAGGING, r -> new HashSet<>()).add(p);
                }
                long[] then = last.get(p);
                if (then != null && then[0] == now[0] && now[1] > then[1]) {
                    found.computeIfAbsent(LagAlert.Reason.STUCK, r -> new HashSet<>()).add(p);
                }
            });
            previous.put(group, look);
            found.forEach((reason, partitions) -> alerts.add(new LagAlert(group, reason, partitions)));
        }
        return alerts;
    }
}
