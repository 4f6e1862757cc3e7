package dev.kafkaworkbook.kit.learner;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What one learner consumer did, in order: each {@code poll}, each record the learner handed to processing, each
 * commit (and what it covered), rebalance callbacks, {@code wakeup} and {@code close}, with the thread of each call.
 * The journal sees through a recording proxy over {@link org.apache.kafka.clients.consumer.Consumer}, which is what
 * a learner's loop is given, and through the processing callback, which the check routes to {@link #processed}:
 * <pre>{@code
 * ConsumerJournal journal = new ConsumerJournal();
 * Consumer<String, LogEvent> consumer = journal.record(cluster.consumer(...));
 * LogHandler handler = journal::processed;
 * ... the learner's loop runs with consumer and handler ...
 * journal.firstCommitAheadOfProcessing()   // "commit before processing", caught without guessing
 * }</pre>
 * So "commits before processing", "never commits", "closes the consumer from another thread" or "commits nothing
 * when partitions are revoked" are read from what happened, not inferred from the end state.
 */
public final class ConsumerJournal {

    /** One record, by position: {@code 3@57} is offset 57 of partition 3. */
    public record Position(TopicPartition partition, long offset) implements Comparable<Position> {
        public static Position of(ConsumerRecord<?, ?> record) {
            return new Position(new TopicPartition(record.topic(), record.partition()), record.offset());
        }

        @Override
        public int compareTo(Position other) {
            int byTopic = partition.topic().compareTo(other.partition.topic());
            if (byTopic != 0) {
                return byTopic;
            }
            int byPartition = Integer.compare(partition.partition(), other.partition.partition());
            return byPartition != 0 ? byPartition : Long.compare(offset, other.offset);
        }

        @Override
        public String toString() {
            return partition.partition() + "@" + offset;
        }
    }

    /** Something the learner's code did with its consumer. */
    public sealed interface Event permits Polled, Processed, Committed, Rebalanced, Called {
        /** The thread that did it. */
        String thread();
    }

    /** {@code poll} returned these records. */
    public record Polled(String thread, List<Position> records) implements Event {
    }

    /** The learner handed this record to processing. */
    public record Processed(String thread, Position record) implements Event {
    }

    /**
     * A commit: {@code offsets} as asked, or, for {@code commitSync()} / {@code commitAsync()} without arguments,
     * the position after the last record polled from each assigned partition, which is what such a commit sends.
     *
     * @param explicit      whether the learner named the offsets
     * @param sync          commitSync rather than commitAsync
     * @param duringRevoke  made inside {@code onPartitionsRevoked}
     * @param unowned       partitions of the commit this consumer did not own at the time: it overwrites the progress
     *                      of their owner (the classic protocol accepts such a commit)
     */
    public record Committed(String thread, Map<TopicPartition, Long> offsets, boolean explicit, boolean sync,
                            boolean duringRevoke, Set<TopicPartition> unowned) implements Event {
    }

    /**
     * A rebalance callback ran: partitions revoked, lost or assigned. For a revocation, {@code uncommitted} holds what
     * this consumer had processed from those partitions and not committed by the time the callback returned: records
     * the next owner will process again.
     */
    public record Rebalanced(String thread, Kind kind, Set<TopicPartition> partitions, List<Position> uncommitted)
            implements Event {
        public enum Kind { ASSIGNED, REVOKED, LOST }
    }

    /** Any other call on the consumer: subscribe, assign, seek, wakeup, close… */
    public record Called(String thread, String method, String arguments) implements Event {
    }

    /** Calls a loop may make from any thread: the one that exists to stop it. */
    private static final Set<String> ANY_THREAD = Set.of("wakeup", "toString", "hashCode", "equals");

    private final List<Event> events = new ArrayList<>();
    private final Map<TopicPartition, Long> nextToPoll = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final Map<TopicPartition, TreeSet<Long>> processedNotCommitted = new HashMap<>();
    private final Set<TopicPartition> assigned = new HashSet<>();
    private final List<java.util.function.Consumer<Event>> watchers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private String pollingThread;
    private boolean inRevocation;

    /** A consumer that does what {@code consumer} does and tells this journal. Give the learner this one. */
    @SuppressWarnings("unchecked")
    public <K, V> org.apache.kafka.clients.consumer.Consumer<K, V> record(org.apache.kafka.clients.consumer.Consumer<K, V> consumer) {
        return (org.apache.kafka.clients.consumer.Consumer<K, V>) Proxy.newProxyInstance(
                org.apache.kafka.clients.consumer.Consumer.class.getClassLoader(),
                new Class<?>[]{org.apache.kafka.clients.consumer.Consumer.class}, new Recorder(consumer));
    }

    /** Tells {@code watcher} of every event as it happens, on the thread that caused it (a crash trigger, say). */
    public void watch(java.util.function.Consumer<Event> watcher) {
        watchers.add(watcher);
    }

    /** The learner processed {@code record}: the check's processing callback calls this. */
    public void processed(ConsumerRecord<?, ?> record) {
        Position position = Position.of(record);
        synchronized (this) {
            if (position.offset() >= committed.getOrDefault(position.partition(), 0L)) {
                processedNotCommitted.computeIfAbsent(position.partition(), p -> new TreeSet<>()).add(position.offset());
            }
        }
        add(new Processed(thread(), position));
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** Every record handed to processing, in order, repeats included. */
    public synchronized List<Position> processedRecords() {
        return events.stream().filter(e -> e instanceof Processed).map(e -> ((Processed) e).record()).toList();
    }

    public synchronized List<Committed> commits() {
        return events.stream().filter(e -> e instanceof Committed).map(Committed.class::cast).toList();
    }

    /** Processed records not covered by any commit of this consumer yet. */
    public synchronized int processedSinceLastCommit() {
        return processedNotCommitted.values().stream().mapToInt(Set::size).sum();
    }

    /** Calls named {@code method} ("close", "subscribe", "assign", "seek"…). */
    public synchronized List<Called> calls(String method) {
        return events.stream().filter(e -> e instanceof Called c && c.method().equals(method)).map(Called.class::cast).toList();
    }

    public synchronized List<Rebalanced> rebalances() {
        return events.stream().filter(e -> e instanceof Rebalanced).map(Rebalanced.class::cast).toList();
    }

    /** The thread that polled first: the one every call but {@code wakeup} belongs on. */
    public synchronized Optional<String> pollingThread() {
        return Optional.ofNullable(pollingThread);
    }

    /**
     * The first commit that covered a record this consumer had polled but not processed yet: the at-most-once
     * mistake of committing before processing (or committing a whole batch's end before working through it).
     */
    public synchronized Optional<CommitAhead> firstCommitAheadOfProcessing() {
        Map<TopicPartition, TreeSet<Long>> pending = new HashMap<>();
        for (Event event : events) {
            if (event instanceof Polled polled) {
                polled.records().forEach(p -> pending.computeIfAbsent(p.partition(), k -> new TreeSet<>()).add(p.offset()));
            } else if (event instanceof Processed processed) {
                remove(pending, processed.record());
            } else if (event instanceof Rebalanced rebalanced && rebalanced.kind() != Rebalanced.Kind.ASSIGNED) {
                rebalanced.partitions().forEach(pending::remove);
            } else if (event instanceof Committed commit) {
                List<Position> covered = new ArrayList<>();
                commit.offsets().forEach((partition, offset) -> pending.getOrDefault(partition, new TreeSet<>())
                        .headSet(offset).forEach(o -> covered.add(new Position(partition, o))));
                if (!covered.isEmpty()) {
                    return Optional.of(new CommitAhead(commit, covered.stream().sorted().toList()));
                }
            }
        }
        return Optional.empty();
    }

    /** A commit that covered records not processed yet. */
    public record CommitAhead(Committed commit, List<Position> unprocessed) {
    }

    /**
     * Calls other than {@code wakeup} made, once polling began, on a thread other than the polling one: a consumer
     * is not thread-safe. Commits are named {@code commitSync} or {@code commitAsync}.
     */
    public synchronized List<Called> callsFromOtherThreads() {
        List<Called> foreign = new ArrayList<>();
        boolean polling = false;
        for (Event event : events) {
            polling |= event instanceof Polled;
            if (!polling || event.thread().equals(pollingThread)) {
                continue;
            }
            if (event instanceof Called call && !ANY_THREAD.contains(call.method())) {
                foreign.add(call);
            } else if (event instanceof Committed commit) {
                foreign.add(new Called(commit.thread(), commit.sync() ? "commitSync" : "commitAsync", show(commit.offsets())));
            }
        }
        return foreign;
    }

    private void add(Event event) {
        synchronized (this) {
            events.add(event);
        }
        watchers.forEach(w -> w.accept(event));
    }

    private static void remove(Map<TopicPartition, TreeSet<Long>> offsets, Position position) {
        TreeSet<Long> set = offsets.get(position.partition());
        if (set != null) {
            set.remove(position.offset());
        }
    }

    private static String thread() {
        return Thread.currentThread().getName();
    }

    // ---------------------------------------------------------------------------------------------------------

    private synchronized void polled(ConsumerRecords<?, ?> records) {
        if (pollingThread == null) {
            pollingThread = thread();
        }
        for (ConsumerRecord<?, ?> record : records) {
            Position position = Position.of(record);
            nextToPoll.put(position.partition(), position.offset() + 1);
        }
    }

    private Committed committing(Map<TopicPartition, OffsetAndMetadata> asked, boolean sync) {
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        synchronized (this) {
            if (asked == null) {
                assigned.stream().filter(nextToPoll::containsKey).forEach(p -> offsets.put(p, nextToPoll.get(p)));
            } else {
                asked.forEach((partition, offset) -> offsets.put(partition, offset == null ? -1 : offset.offset()));
            }
            offsets.forEach((partition, offset) -> {
                committed.merge(partition, offset, Math::max);
                TreeSet<Long> pending = processedNotCommitted.get(partition);
                if (pending != null) {
                    pending.headSet(offset).clear();
                }
            });
        }
        Set<TopicPartition> unowned;
        synchronized (this) {
            unowned = offsets.keySet().stream().filter(p -> !assigned.contains(p)).collect(Collectors.toSet());
        }
        return new Committed(thread(), offsets, asked != null, sync, inRevocation, unowned);
    }

    private synchronized List<Position> uncommitted(Collection<TopicPartition> partitions) {
        List<Position> left = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            processedNotCommitted.getOrDefault(partition, new TreeSet<>()).forEach(o -> left.add(new Position(partition, o)));
        }
        return left;
    }

    private synchronized void forget(Collection<TopicPartition> partitions) {
        assigned.removeAll(partitions);
        partitions.forEach(p -> {
            processedNotCommitted.remove(p);
            nextToPoll.remove(p);
        });
    }

    /** Records what the learner does, then does it. Rebalance listeners are wrapped so that callbacks are seen too. */
    private final class Recorder implements InvocationHandler {

        private final org.apache.kafka.clients.consumer.Consumer<?, ?> consumer;

        Recorder(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer) {
            this.consumer = consumer;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            Object[] actual = args == null ? new Object[0] : args.clone();
            Event before = null;
            switch (name) {
                case "commitSync", "commitAsync" -> {
                    Map<TopicPartition, OffsetAndMetadata> asked = actual.length > 0 && actual[0] instanceof Map<?, ?> map
                            ? (Map<TopicPartition, OffsetAndMetadata>) map : null;
                    before = committing(asked, name.equals("commitSync"));
                }
                case "subscribe" -> {
                    // Every subscription gets a listener, so that revocations are seen even when the learner passes none.
                    ConsumerRebalanceListener learner = actual.length > 1 && actual[1] instanceof ConsumerRebalanceListener l ? l : null;
                    if (actual.length == 1) {
                        Method withListener = org.apache.kafka.clients.consumer.Consumer.class.getMethod("subscribe",
                                method.getParameterTypes()[0], ConsumerRebalanceListener.class);
                        add(new Called(thread(), name, describe(actual) + ", no listener"));
                        return invoke(withListener, new Object[]{actual[0], new Watching(null)});
                    }
                    if (learner != null) {
                        actual[1] = new Watching(learner);
                    }
                    before = new Called(thread(), name, describe(args) + (learner != null ? ", with a listener" : ""));
                }
                case "assign" -> {
                    synchronized (ConsumerJournal.this) {
                        assigned.clear();
                        assigned.addAll((Collection<TopicPartition>) actual[0]);
                    }
                    before = new Called(thread(), name, describe(args));
                }
                case "poll" -> {
                    if (pollingThread == null) {
                        synchronized (ConsumerJournal.this) {
                            pollingThread = thread();
                        }
                    }
                }
                default -> before = new Called(thread(), name, describe(args));
            }
            if (before != null) {
                add(before);
            }
            Object result = invoke(method, actual);
            if (name.equals("poll") && result instanceof ConsumerRecords<?, ?> records) {
                polled(records);
                List<Position> positions = new ArrayList<>();
                records.forEach(r -> positions.add(Position.of(r)));
                add(new Polled(thread(), positions));
            }
            return result;
        }

        private Object invoke(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(consumer, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private static String describe(Object[] args) {
            if (args == null) {
                return "";
            }
            List<String> shown = new ArrayList<>();
            for (Object arg : args) {
                shown.add(arg instanceof ConsumerRebalanceListener ? "listener" : String.valueOf(arg));
            }
            return String.join(", ", shown);
        }
    }

    /** Wraps the learner's rebalance listener (or none) to journal each callback and what it left uncommitted. */
    private final class Watching implements ConsumerRebalanceListener {

        private final ConsumerRebalanceListener learner;

        Watching(ConsumerRebalanceListener learner) {
            this.learner = learner;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            synchronized (ConsumerJournal.this) {
                inRevocation = true;
            }
            try {
                if (learner != null) {
                    learner.onPartitionsRevoked(partitions);
                }
            } finally {
                ended(Rebalanced.Kind.REVOKED, partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            try {
                if (learner != null) {
                    learner.onPartitionsLost(partitions);
                }
            } finally {
                ended(Rebalanced.Kind.LOST, partitions);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            synchronized (ConsumerJournal.this) {
                assigned.addAll(partitions);
            }
            add(new Rebalanced(thread(), Rebalanced.Kind.ASSIGNED, Set.copyOf(partitions), List.of()));
            if (learner != null) {
                learner.onPartitionsAssigned(partitions);
            }
        }

        private void ended(Rebalanced.Kind kind, Collection<TopicPartition> partitions) {
            List<Position> left = uncommitted(partitions);
            synchronized (ConsumerJournal.this) {
                inRevocation = false;
            }
            forget(partitions);
            add(new Rebalanced(thread(), kind, Set.copyOf(partitions), left));
        }
    }

    /** Offsets by partition as a learner reads them: {@code {0=16, 1=11}} when they share one topic. */
    public static String show(Map<TopicPartition, Long> offsets) {
        boolean oneTopic = offsets.keySet().stream().map(TopicPartition::topic).distinct().count() <= 1;
        return offsets.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(TopicPartition::topic)
                        .thenComparingInt(TopicPartition::partition)))
                .map(e -> (oneTopic ? String.valueOf(e.getKey().partition()) : e.getKey().toString()) + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** Positions as a learner reads them: {@code 0@12, 0@13, 2@7}, the first few. */
    public static String show(Collection<Position> positions, int atMost) {
        String shown = positions.stream().sorted().limit(atMost).map(Position::toString).collect(Collectors.joining(", "));
        return positions.size() > atMost ? shown + ", …" : shown;
    }
}
