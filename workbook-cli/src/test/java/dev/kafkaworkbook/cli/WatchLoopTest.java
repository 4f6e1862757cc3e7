package dev.kafkaworkbook.cli;

import dev.kafkaworkbook.kit.grading.Texts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./workbook watch} driven by saves, as a learner would: on a copy of the workbook, exercise 1.3 goes from
 * the skeleton (not started) to a wrong answer (wrong, with feedback), a compile error (shown; the loop goes on), an
 * endless loop (cut off; the loop goes on) and the solution (passed; the loop moves on to 1.4). Real file events,
 * a real grading worker, a real broker.
 */
class WatchLoopTest {

    private static final String PUBLISHER = "module-01-producer/src/main/java/dev/kafkaworkbook/producer/OrderEventPublisher.java";

    private static Path copy;

    @BeforeAll
    static void copyTheWorkbook() throws IOException {
        copy = WorkbookCopy.moduleOne("watch", false);
    }

    @AfterAll
    static void removeTheCopy() throws IOException {
        WorkbookCopy.delete(copy);
    }

    @Test
    void aLearnerGoesFromTheSkeletonThroughMistakesToTheSolution() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Texts texts = Texts.of(Workbook.class, Locale.ENGLISH);
        BlockingQueue<WorkerProcess.Result> verdicts = new LinkedBlockingQueue<>();
        try (WatchLoop loop = new WatchLoop(copy, texts, out, () -> WorkerProcess.start(copy, testClasspath(), out))) {
            loop.onResult(verdicts::add);
            loop.start(Optional.of("1.3"));

            WorkerProcess.Result skeleton = next(verdicts);
            assertThat(skeleton.compiled()).isTrue();
            assertThat(skeleton.points()).isZero();
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Not started yet: OrderEventPublisher.publish()");

            save(PUBLISHER, solution().replace("event.orderId(), event", "event.status(), event"));
            WorkerProcess.Result wrong = next(verdicts);
            assertThat(wrong.compiled()).isTrue();
            assertThat(wrong.passed()).isFalse();
            assertThat(wrong.points()).isLessThan(wrong.max());
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("expected:", "revisit:");

            save(PUBLISHER, solution().replace("producer.send(", "producer.send(;"));
            WorkerProcess.Result broken = next(verdicts);
            assertThat(broken.compiled()).isFalse();
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("OrderEventPublisher.java:", "does not compile");

            save(PUBLISHER, solution().replace("for (OrderEvent event : events) {",
                    "while (!topic.isEmpty()) { Math.sqrt(events.size()); }\n        for (OrderEvent event : events) {"));
            WorkerProcess.Result hung = next(verdicts);
            assertThat(hung.compiled()).isTrue();
            assertThat(hung.points()).isZero();
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("did not return within 20 s");

            save(PUBLISHER, solution());
            WorkerProcess.Result solved = next(verdicts);
            assertThat(solved.passed()).isTrue();
            assertThat(solved.points()).isEqualTo(solved.max());
            WorkerProcess.Result nextExercise = next(verdicts);
            assertThat(nextExercise.exercise()).isEqualTo("1.4");
            assertThat(loop.current().id()).isEqualTo("1.4");
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("1.3 Keyed publishing: passed! Next: 1.4");
        }
    }

    private static WorkerProcess.Result next(BlockingQueue<WorkerProcess.Result> verdicts) throws InterruptedException {
        WorkerProcess.Result verdict = verdicts.poll(120, TimeUnit.SECONDS);
        assertThat(verdict).as("a verdict within two minutes").isNotNull();
        return verdict;
    }

    private static String solution() throws IOException {
        return Files.readString(copy.resolve("solutions/" + PUBLISHER));
    }

    private static void save(String file, String content) throws IOException {
        Files.writeString(copy.resolve(file), content);
    }

    /** The class path of this test JVM: the kit, Kafka, JUnit; Surefire keeps it in a property of its own. */
    static List<String> testClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
                .filter(entry -> !entry.endsWith("workbook-cli" + File.separator + "target" + File.separator + "test-classes"))
                .toList();
    }
}
