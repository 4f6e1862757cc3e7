package dev.kafkaworkbook.operations;

import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.TestData;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A cluster's layout before brokers were added: which brokers hold each partition of a topic (evenly spread over
 * the old brokers), and every broker of the cluster, old and new. Judges a plan for it.
 */
record Layout(Map<TopicPartition, List<Integer>> current, Set<Integer> brokers, Set<Integer> added) {

    /** Three to seven brokers, one or two of them new, with ids that need not start at 0 nor follow each other. */
    static Layout random(TestData data) {
        List<Integer> ids = new ArrayList<>();
        int next = data.between(0, 3);
        for (int i = data.between(3, 7); i > 0; i--) {
            ids.add(next);
            next += data.between(1, 3);
        }
        int added = data.between(1, 2);
        List<Integer> old = ids.subList(0, ids.size() - added);
        int replicas = data.between(1, Math.min(3, old.size()));
        String topic = data.id("topic");
        Map<TopicPartition, List<Integer>> current = new TreeMap<>(dev.kafkaworkbook.kit.operations.Partitions.ORDER);
        int first = data.between(0, old.size() - 1);
        // At least as many replicas as brokers: then balance gives every broker, the new ones too, at least one.
        for (int p = data.between(ids.size(), ids.size() + 8); p > 0; p--) {
            List<Integer> onBrokers = new ArrayList<>();
            for (int r = 0; r < replicas; r++) {
                onBrokers.add(old.get((first + p + r) % old.size()));
            }
            current.put(new TopicPartition(topic, p - 1), List.copyOf(onBrokers));
        }
        return new Layout(Collections.unmodifiableMap(current), Set.copyOf(ids),
                Set.copyOf(ids.subList(ids.size() - added, ids.size())));
    }

    /** Fails with the first rule the plan breaks: every partition once, its replica count, distinct known brokers, balance. */
    void judge(Map<TopicPartition, List<Integer>> plan, Feedback feedback) {
        feedback.expect("plan.null", plan != null, feedback.text("plan.null.expected"), "null");
        feedback.expectSameElements("plan.partitions", current.keySet(), plan.keySet());
        for (Map.Entry<TopicPartition, List<Integer>> entry : current.entrySet()) {
            List<Integer> planned = plan.get(entry.getKey());
            feedback.expect("plan.replicas", planned != null && planned.size() == entry.getValue().size(),
                    entry.getKey() + ": " + entry.getValue().size() + " " + feedback.text("plan.replicas.unit"),
                    entry.getKey() + ": " + planned);
            feedback.expect("plan.brokers", new HashSet<>(planned).size() == planned.size() && brokers.containsAll(planned),
                    feedback.text("plan.brokers.expected", new TreeSet<>(brokers)), entry.getKey() + ": " + planned);
        }
        Map<Integer, Integer> load = new TreeMap<>();
        brokers.forEach(broker -> load.put(broker, 0));
        plan.values().forEach(replicas -> replicas.forEach(broker -> load.merge(broker, 1, Integer::sum)));
        int total = current.values().stream().mapToInt(List::size).sum();
        int least = total / brokers.size();
        int most = (total + brokers.size() - 1) / brokers.size();
        String expected = feedback.text("plan.balance.expected", least, most, total, brokers.size());
        String observed = feedback.text("plan.balance.observed", load, new TreeSet<>(added), current);
        feedback.expect("plan.newBrokerEmpty", added.stream().allMatch(broker -> load.get(broker) > 0), expected, observed);
        feedback.expect("plan.balance", load.values().stream().allMatch(n -> n >= least && n <= most), expected, observed);
    }
}
