package dev.kafkaworkbook.cli;

import dev.kafkaworkbook.kit.grading.Texts;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a learner waits for in the watch loop: from saving a file to the verdict on the screen, ten saves per
 * exercise, on a copy of the workbook whose skeletons are the reference solutions. Run by {@code tools/benchmark}
 * ({@code mvn test -pl workbook-cli -am -Dtest=WatchBenchmark -Dworkbook.skipKitTests=false}); not a test of CI's.
 */
class WatchBenchmark {

    private static final Map<String, String> SAVED = Map.of(
            "1.1", "DurableProducerConfig.java", "1.3", "OrderEventPublisher.java", "1.4", "SensorKeys.java",
            "1.5", "DeliveryReporter.java", "1.6", "CriticalSensorProducer.java");
    private static final int SAVES = 10;

    @Test
    void fromASaveToTheVerdict() throws Exception {
        Path copy = WorkbookCopy.moduleOne("watch-benchmark", true);
        Path folder = copy.resolve("module-01-producer/src/main/java/dev/kafkaworkbook/producer");

        BlockingQueue<WorkerProcess.Result> verdicts = new LinkedBlockingQueue<>();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (WatchLoop loop = new WatchLoop(copy, Texts.of(Workbook.class, Locale.ENGLISH), quiet,
                () -> WorkerProcess.start(copy, WatchLoopTest.testClasspath(), quiet))) {
            loop.stayOnPassedExercises();
            loop.onResult(verdicts::add);
            loop.start(Optional.of("1.1"));
            assertThat(verdicts.poll(120, TimeUnit.SECONDS)).isNotNull();
            for (String exercise : List.of("1.1", "1.3", "1.4", "1.5", "1.6")) {
                loop.select(exercise).get();
                verdicts.poll(120, TimeUnit.SECONDS);
                List<Double> seconds = new ArrayList<>();
                Path file = folder.resolve(SAVED.get(exercise));
                for (int save = 0; save < SAVES; save++) {
                    long began = System.nanoTime();
                    Files.writeString(file, Files.readString(file) + "\n// save " + save + "\n");
                    WorkerProcess.Result verdict = verdicts.poll(120, TimeUnit.SECONDS);
                    assertThat(verdict).isNotNull();
                    assertThat(verdict.passed()).as(exercise + " passes: " + verdict).isTrue();
                    seconds.add((System.nanoTime() - began) / 1e9);
                }
                Collections.sort(seconds);
                System.out.printf(Locale.ROOT, "watch %s: save to verdict, median %.2f s, fastest %.2f s, slowest %.2f s (%d saves)%n",
                        exercise, (seconds.get(SAVES / 2 - 1) + seconds.get(SAVES / 2)) / 2, seconds.get(0),
                        seconds.get(SAVES - 1), SAVES);
            }
        }
    }
}
