package dev.kafkaworkbook.kit.delivery;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What a learner's transactional producer did, transaction by transaction: what it sent inside each one, whether the
 * consumer's offsets went with it ({@code sendOffsetsToTransaction}, and with which group metadata), and how it ended.
 * The journal sees through a recording proxy over {@link Producer}, which is what the learner's code is given:
 * <pre>{@code
 * TransactionJournal transactions = new TransactionJournal();
 * Producer<String, OrderEvent> producer = transactions.record(realProducer);
 * transactions.crashBeforeCommit(3, context::crash);    // in a child JVM: dies with the 3rd transaction open
 * ... the learner's pipeline runs ...
 * transactions.committedWithoutOffsets()               // "offsets committed outside the transaction"
 * }</pre>
 */
public final class TransactionJournal {

    /** One transaction, from {@code beginTransaction} to its end. */
    public static final class Transaction {
        private int sends;
        private final List<Map<TopicPartition, Long>> offsets = new ArrayList<>();
        private final List<ConsumerGroupMetadata> groups = new ArrayList<>();
        private String end = "open";

        /** Records sent inside it. */
        public int sends() {
            return sends;
        }

        /** The offsets committed with it: one map per {@code sendOffsetsToTransaction}. */
        public List<Map<TopicPartition, Long>> offsets() {
            return List.copyOf(offsets);
        }

        /** The group metadata each {@code sendOffsetsToTransaction} named. */
        public List<ConsumerGroupMetadata> groups() {
            return List.copyOf(groups);
        }

        /** {@code committed}, {@code aborted} or {@code open}. */
        public String end() {
            return end;
        }

        @Override
        public String toString() {
            return sends + " sent, offsets " + offsets + ", " + end;
        }
    }

    /** A moment of a transaction's life, as the proxy sees it. */
    public enum Moment {
        /** {@code commitTransaction} was called, and not passed on yet. */
        COMMIT_CALLED,
        /** {@code commitTransaction} returned: the transaction is committed on the broker. */
        COMMIT_RETURNED
    }

    private final List<Transaction> transactions = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final List<Consumer<Moment>> watchers = new CopyOnWriteArrayList<>();
    private Transaction open;
    private int sendsOutside;
    private Producer<?, ?> producer;

    /** A producer that does what {@code producer} does and tells this journal. Give the learner this one. */
    @SuppressWarnings("unchecked")
    public <K, V> Producer<K, V> record(Producer<K, V> producer) {
        this.producer = producer;
        return (Producer<K, V>) Proxy.newProxyInstance(Producer.class.getClassLoader(), new Class<?>[]{Producer.class},
                new Recorder(producer));
    }

    /**
     * Runs {@code crash} when the learner calls {@code commitTransaction} for transaction number {@code number} (1 for
     * the first), after flushing what it sent in it: the broker holds the transaction's records, open, and the
     * producer dies before it commits.
     */
    public void crashBeforeCommit(int number, Runnable crash) {
        watchers.add(moment -> {
            if (moment == Moment.COMMIT_CALLED && count() == number) {
                producer.flush();
                crash.run();
            }
        });
    }

    /** Runs {@code crash} as soon as transaction number {@code number} is committed, before the learner's next line. */
    public void crashAfterCommit(int number, Runnable crash) {
        watchers.add(moment -> {
            if (moment == Moment.COMMIT_RETURNED && count() == number) {
                crash.run();
            }
        });
    }

    private synchronized int count() {
        return transactions.size();
    }

    /** Every transaction begun, in order. */
    public synchronized List<Transaction> transactions() {
        return List.copyOf(transactions);
    }

    public synchronized List<Transaction> committed() {
        return transactions.stream().filter(t -> t.end.equals("committed")).toList();
    }

    /** Committed transactions that carried records but no consumer offsets: their input is committed some other way, or never. */
    public synchronized List<Transaction> committedWithoutOffsets() {
        return transactions.stream().filter(t -> t.end.equals("committed") && t.sends > 0 && t.offsets.isEmpty()).toList();
    }

    /** Records sent while no transaction was open. */
    public synchronized int sendsOutsideTransactions() {
        return sendsOutside;
    }

    /** The producer's methods called, in order. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** The first group metadata passed with offsets, if any. */
    public synchronized Optional<ConsumerGroupMetadata> firstGroupMetadata() {
        return transactions.stream().flatMap(t -> t.groups.stream()).findFirst();
    }

    private synchronized void before(String method, Object[] args) {
        calls.add(method);
        switch (method) {
            case "beginTransaction" -> {
                open = new Transaction();
                transactions.add(open);
            }
            case "send" -> {
                if (open != null) {
                    open.sends++;
                } else {
                    sendsOutside++;
                }
            }
            case "sendOffsetsToTransaction" -> {
                if (open != null) {
                    @SuppressWarnings("unchecked")
                    Map<TopicPartition, OffsetAndMetadata> asked = (Map<TopicPartition, OffsetAndMetadata>) args[0];
                    Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
                    asked.forEach((partition, offset) -> offsets.put(partition, offset == null ? -1 : offset.offset()));
                    open.offsets.add(offsets);
                    open.groups.add((ConsumerGroupMetadata) args[1]);
                }
            }
            default -> {
            }
        }
    }

    private synchronized void ended(String how) {
        if (open != null) {
            open.end = how;
            open = null;
        }
    }

    private final class Recorder implements InvocationHandler {

        private final Producer<?, ?> target;

        Recorder(Producer<?, ?> target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (method.getDeclaringClass() == Object.class) {
                return switch (name) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "recorded " + target;
                };
            }
            before(name, args);
            if (name.equals("commitTransaction")) {
                watchers.forEach(w -> w.accept(Moment.COMMIT_CALLED));
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                if (name.equals("commitTransaction")) {
                    ended("failed");
                }
                throw e.getCause();
            }
            switch (name) {
                case "commitTransaction" -> {
                    ended("committed");
                    watchers.forEach(w -> w.accept(Moment.COMMIT_RETURNED));
                }
                case "abortTransaction" -> ended("aborted");
                default -> {
                }
            }
            return result;
        }
    }
}
