package dev.kafkaworkbook.delivery;

import dev.kafkaworkbook.kit.delivery.CrashPoint;
import dev.kafkaworkbook.kit.delivery.TransactionJournal;
import dev.kafkaworkbook.kit.delivery.WriteCrash;
import dev.kafkaworkbook.kit.learner.ChildProgram;
import dev.kafkaworkbook.kit.learner.ConsumerJournal;
import dev.kafkaworkbook.kit.learner.ConsumerJournal.Position;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The first life of a learner's processor, in a JVM of its own: the processor of one delivery model over a journaled
 * consumer, reporting each record it processes, until the JVM halts at the grader's crash point: mid-batch after a
 * number of processed records, at a given moment of a given transaction, or inside a write to the ledger.
 */
public final class CrashingProcessor implements ChildProgram {

    static final String MODEL = "model";
    static final String BOOTSTRAP = "bootstrap";
    static final String TOPIC = "topic";
    static final String GROUP = "group";
    static final String INSTANCE = "instance";
    static final String MAX_POLL = "maxPoll";
    static final String CRASH_AFTER_RECORDS = "crashAfterRecords";
    static final String CRASH_TRANSACTION = "crashTransaction";
    static final String CRASH_AFTER_COMMIT = "crashAfterCommit";
    static final String OUTPUT = "output";
    static final String TRANSACTIONAL_ID = "transactionalId";
    static final String DATABASE = "database";
    static final String CRASH_INSIDE_APPLY = "crashInsideApply";

    @Override
    public void run(Context context) throws Exception {
        Map<String, String> args = context.args();
        Map<String, Object> settings = new HashMap<>(Orders.processorSettings(args.get(GROUP), args.get(INSTANCE),
                Integer.parseInt(args.get(MAX_POLL))));
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args.get(BOOTSTRAP));
        ConsumerJournal journal = new ConsumerJournal();
        journal.watch(event -> {
            if (event instanceof ConsumerJournal.Processed done) {
                context.report("processed " + done.record().partition().partition() + " " + done.record().offset());
            }
        });
        if (args.containsKey(CRASH_AFTER_RECORDS)) {
            journal.watch(CrashPoint.midBatch(Integer.parseInt(args.get(CRASH_AFTER_RECORDS)), context::crash));
        }
        TransactionJournal transactions = new TransactionJournal();
        if (args.containsKey(CRASH_TRANSACTION)) {
            int transaction = Integer.parseInt(args.get(CRASH_TRANSACTION));
            if (args.containsKey(CRASH_AFTER_COMMIT)) {
                transactions.crashAfterCommit(transaction, context::crash);
            } else {
                transactions.crashBeforeCommit(transaction, context::crash);
            }
        }
        Consumer<String, OrderEvent> consumer = journal.record(
                new KafkaConsumer<>(settings, new StringDeserializer(), new OrderEventDeserializer()));
        Supplier<Producer<String, OrderEvent>> producer = () -> transactions.record(new KafkaProducer<>(
                ExactlyOncePipeline.producerConfig(args.get(BOOTSTRAP), args.get(TRANSACTIONAL_ID)),
                new StringSerializer(), new OrderEventSerializer()));
        DataSource database = args.containsKey(DATABASE) ? LedgerDatabase.remote(args.get(DATABASE)) : null;
        if (args.containsKey(CRASH_INSIDE_APPLY)) {
            // Dies right after the first row a write changed, once that many records have been applied: mid-apply.
            int applied = Integer.parseInt(args.get(CRASH_INSIDE_APPLY));
            AtomicInteger processed = new AtomicInteger();
            journal.watch(event -> {
                if (event instanceof ConsumerJournal.Processed) {
                    processed.incrementAndGet();
                }
            });
            database = WriteCrash.of(database, () -> processed.get() >= applied, context::crash);
        }
        DeliveryModel model = DeliveryModel.valueOf(args.get(MODEL));
        DeliveryModel.Code code = model.create(new DeliveryModel.Wiring(consumer, args.get(TOPIC), journal::processed,
                producer, args.get(OUTPUT), database));
        code.run().run();
    }

    /** The records a child reported as processed, in order. */
    static List<Position> processed(List<String> reports, String topic) {
        List<Position> positions = new ArrayList<>();
        for (String line : reports) {
            String[] words = line.split(" ");
            if (words.length == 3 && words[0].equals("processed")) {
                positions.add(new Position(new TopicPartition(topic, Integer.parseInt(words[1])), Long.parseLong(words[2])));
            }
        }
        return positions;
    }
}
