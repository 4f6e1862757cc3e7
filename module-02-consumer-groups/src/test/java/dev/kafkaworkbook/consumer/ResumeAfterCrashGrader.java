package dev.kafkaworkbook.consumer;

import dev.kafkaworkbook.kit.grading.Check;
import dev.kafkaworkbook.kit.grading.Cluster;
import dev.kafkaworkbook.kit.grading.Feedback;
import dev.kafkaworkbook.kit.grading.Grader;
import dev.kafkaworkbook.kit.grading.TestData;
import dev.kafkaworkbook.kit.groups.GroupSnapshot;
import dev.kafkaworkbook.kit.learner.ChildJvm;
import dev.kafkaworkbook.kit.learner.ChildProgram;
import dev.kafkaworkbook.kit.learner.ConsumerJournal;
import dev.kafkaworkbook.kit.learner.ConsumerJournal.Position;
import dev.kafkaworkbook.kit.learner.SharedRun;
import dev.kafkaworkbook.kit.sandbox.Console;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grades exercise 2.5 with a real crash: the learner's loop runs in a JVM of its own (a {@link ChildJvm}) over a big
 * backlog of logs, and that JVM halts in the middle of a batch, at the worst moment the grader can find (as soon as
 * more than {@code maxReplay} processed records are uncommitted, else after a random number of records): no
 * {@code finally}, no commit, no LeaveGroup. Once the group has noticed, a second instance of the learner's loop
 * resumes in this JVM. What each life processed is compared with what the group had committed at the crash. The
 * crash and resume run once (by the first check) and every check judges them.
 */
@Grader(exercise = "2.5")
class ResumeAfterCrashGrader {

    /** One crash and resume, judged by every check. */
    private static final SharedRun<Crash> CRASH = new SharedRun<>();
    private static final Duration CHILD_LIFE = Duration.ofSeconds(25);
    /** The dead member's session is 2 s; the group must be empty well within this. */
    private static final Duration NOTICED = Duration.ofSeconds(10);

    @Order(1)
    @Check(points = 2)
    void nothingIsLostAcrossTheCrash(Cluster cluster, TestData data, Feedback feedback) {
        Crash crash = CRASH.get(() -> Crash.run(cluster, data, feedback));
        Set<Position> processed = new HashSet<>(crash.beforeCrash());
        processed.addAll(crash.afterCrash());
        List<Position> lost = crash.sent().stream().filter(p -> !processed.contains(p)).toList();
        feedback.expect("lost", lost.isEmpty(), feedback.text("lost.expected", crash.sent().size()),
                feedback.text("lost.observed", lost.size(), ConsumerJournal.show(lost, 5),
                        ConsumerJournal.show(crash.committedAtCrash())));
    }

    @Order(2)
    @Check
    void theNextInstanceResumesAtTheCommittedOffset(Cluster cluster, TestData data, Feedback feedback) {
        Crash crash = CRASH.get(() -> Crash.run(cluster, data, feedback));
        Map<TopicPartition, Long> firstAfter = new LinkedHashMap<>();
        crash.afterCrash().forEach(p -> firstAfter.putIfAbsent(p.partition(), p.offset()));
        firstAfter.forEach((partition, offset) -> {
            long committed = crash.committedAtCrash().getOrDefault(partition, 0L);
            feedback.expect("resume", offset == committed, feedback.text("resume.expected", partition.partition(), committed),
                    feedback.text("resume.observed", offset));
        });
    }

    @Order(3)
    @Check(points = 2)
    void atMostMaxReplayRecordsAreProcessedAgain(Cluster cluster, TestData data, Feedback feedback) {
        Crash crash = CRASH.get(() -> Crash.run(cluster, data, feedback));
        Set<Position> before = new HashSet<>(crash.beforeCrash());
        List<Position> again = crash.afterCrash().stream().filter(before::contains).toList();
        Console.out().println(feedback.text("replayed.info", again.size(), crash.maxReplay(), crash.beforeCrash().size()));
        feedback.expect("replayed", again.size() <= crash.maxReplay(), feedback.text("replayed.expected", crash.maxReplay()),
                feedback.text("replayed.observed", again.size(), ConsumerJournal.show(again, 5), crash.beforeCrash().size(),
                        ConsumerJournal.show(crash.committedAtCrash())));
    }

    /**
     * One crash and resume: the logs sent, what the first (crashed) life processed, what the group had committed when
     * it died, and what the second life processed.
     */
    record Crash(List<Position> sent, int maxReplay, List<Position> beforeCrash,
                 Map<TopicPartition, Long> committedAtCrash, List<Position> afterCrash) {

        static Crash run(Cluster cluster, TestData data, Feedback feedback) {
            GroupRun run = GroupRun.on(cluster, data, feedback, 3, GroupProtocol.CLASSIC);
            // A backlog bigger than one crash point, so the first poll brings hundreds of records at once.
            List<Position> sent = new ArrayList<>(run.publish(data.between(250, 400)).positions());
            int maxReplay = data.between(10, 25);
            int crashAfter = data.between(4 * maxReplay, 8 * maxReplay);
            List<Position> beforeCrash;
            try (ChildJvm child = ChildJvm.start(CrashingInstance.class, Map.of("bootstrap", cluster.bootstrapServers(),
                    "topic", run.topic, "group", run.group, "maxReplay", String.valueOf(maxReplay),
                    "crashAfter", String.valueOf(crashAfter)))) {
                boolean ended = child.awaitExit(CHILD_LIFE);
                child.rethrowIfThrew();
                beforeCrash = CrashingInstance.processed(child.reports(), run.topic);
                feedback.expect("crash.never", ended && child.crashed(), feedback.text("crash.never.expected", crashAfter),
                        feedback.text(ended ? "crash.never.returned" : "crash.never.stuck", beforeCrash.size(), child.output(5)));
            }
            GroupSnapshot group = run.groups.awaitEmpty(run.group, NOTICED);
            feedback.expect("crash.noticed", group.members().isEmpty(), feedback.text("crash.noticed.expected"), group);
            Map<TopicPartition, Long> committedAtCrash = run.committed();

            GroupRun.Instance survivor = run.start("instance-2", (consumer, handler) -> {
                ResumableLogConsumer loop = new ResumableLogConsumer(consumer, run.topic, handler, maxReplay);
                return new GroupRun.Instance.Code(loop::run, loop::shutdown);
            });
            // What the group had not committed is the survivor's to process; the rest it must not need.
            run.awaitProcessed(sent.stream().filter(p -> p.offset() >= committedAtCrash.getOrDefault(p.partition(), 0L))
                    .toList(), GroupRun.PROCESS);
            run.stop(survivor);
            return new Crash(sent, maxReplay, beforeCrash, committedAtCrash,
                    survivor.journal().processedRecords());
        }
    }

    /**
     * The first life, in its own JVM: the learner's loop over a journaled consumer, reporting each record it
     * processes, and crashing at once (Runtime.halt) as soon as more than maxReplay processed records are not
     * committed, or after crashAfter records.
     */
    public static final class CrashingInstance implements ChildProgram {

        @Override
        public void run(Context context) {
            Map<String, String> args = context.args();
            int maxReplay = Integer.parseInt(args.get("maxReplay"));
            int crashAfter = Integer.parseInt(args.get("crashAfter"));
            Map<String, Object> config = new HashMap<>(LogStream.memberSettings(args.get("group"), GroupProtocol.CLASSIC));
            config.put("bootstrap.servers", args.get("bootstrap"));
            ConsumerJournal journal = new ConsumerJournal();
            int[] processed = {0};
            journal.watch(event -> {
                if (event instanceof ConsumerJournal.Processed done) {
                    context.report("processed " + done.record().partition().partition() + " " + done.record().offset());
                    if (++processed[0] >= crashAfter || journal.processedSinceLastCommit() > maxReplay) {
                        context.crash();
                    }
                }
            });
            KafkaConsumer<String, LogEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new LogEventDeserializer());
            new ResumableLogConsumer(journal.record(consumer), args.get("topic"), journal::processed, maxReplay).run();
        }

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
}
