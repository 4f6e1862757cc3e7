package dev.kafkaworkbook.kit.grading;

import dev.kafkaworkbook.kit.report.CheckResult;
import dev.kafkaworkbook.kit.report.GradeFiles;
import dev.kafkaworkbook.kit.report.GradescopeResults;
import dev.kafkaworkbook.kit.report.Outcome;
import dev.kafkaworkbook.kit.report.ScorecardListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/** Runs {@link SampleChecks} through the JUnit launcher with the scorecard listener, as Maven and IDEs do. */
class GradingExtensionTest {

    private PrintStream console;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void captureConsoleInEnglish() {
        console = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.setProperty(Language.PROPERTY, "en");
        // An external backend that is never contacted: no check here opens a client.
        System.setProperty("workbook.bootstrap", "localhost:1");
    }

    @AfterEach
    void restore() {
        System.setOut(console);
        System.clearProperty(Language.PROPERTY);
        System.clearProperty("workbook.bootstrap");
    }

    @Test
    void everyOutcomeIsClassifiedScoredAndExplained() {
        Map<String, CheckResult> results = grade();

        assertThat(results.get("A check that passes").outcome()).isEqualTo(Outcome.PASSED);
        assertThat(results.get("A check that passes").points()).isEqualTo(2);

        CheckResult wrong = results.get("A check that is wrong");
        assertThat(wrong.outcome()).isEqualTo(Outcome.WRONG);
        assertThat(wrong.output()).contains("[9.1] Not the answer", "expected: 42", "observed: 41",
                "revisit:  Lectura: the answer is 42.");

        assertThat(results.get("A check on a skeleton").outcome()).isEqualTo(Outcome.NOT_STARTED);
        assertThat(results.get("A check on a skeleton").output()).contains("SampleChecks.answer() is not written yet (TODO 9.1)");

        CheckResult hang = results.get("A check whose learner code hangs");
        assertThat(hang.outcome()).isEqualTo(Outcome.WRONG);
        assertThat(hang.output()).contains("answer() did not return", "0.3 s", "did you call wakeup()?")
                .doesNotContain("timed out", "execution");

        CheckResult hangAgain = results.get("A check whose learner code hung before");
        assertThat(hangAgain.outcome()).isEqualTo(Outcome.WRONG);
        assertThat(hangAgain.output()).contains("answer() did not return", "in an earlier check", "did you call wakeup()?");
        assertThat(hangAgain.seconds()).as("a method that hung once is not waited for again").isLessThan(5);

        CheckResult graderBug = results.get("A check whose grader throws");
        assertThat(graderBug.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(graderBug.output()).contains("not a problem with your code", "IllegalStateException", "grader bug");
        assertThat(graderBug.points()).isZero();

        CheckResult exits = results.get("A check whose learner code calls System.exit");
        assertThat(exits.outcome()).isEqualTo(Outcome.WRONG);
        assertThat(exits.output()).contains("[9.1] Your code called System.exit(3)", "refused");

        CheckResult halts = results.get("A check whose learner code halts and catches the refusal");
        assertThat(halts.outcome()).isEqualTo(Outcome.WRONG);
        assertThat(halts.output()).contains("System.exit(4)", "caught the refusal");

        CheckResult leaks = results.get("A check whose learner code leaves a thread running");
        assertThat(leaks.outcome()).isEqualTo(Outcome.WRONG);
        assertThat(leaks.output()).contains("left 1 thread(s) running", "stubborn-learner-thread");

        CheckResult prints = results.get("A check whose learner code prints a lot");
        assertThat(prints.outcome()).isEqualTo(Outcome.WRONG);
        assertThat(prints.output()).contains("Not the answer", "the first lines:", "| line 0", "| line 14")
                .doesNotContain("line 15\n");
        assertThat(prints.output().length()).isLessThan(2_000);

        CheckResult skipped = results.get("Stops a broker");
        assertThat(skipped.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(skipped.output()).contains("needs 3 brokers", "external backend", "-Dworkbook.bootstrap=localhost:1");
        assertThat(skipped.gradablePoints()).isZero();

        assertThat(results.get("A check that needs no cluster").outcome())
                .as("a check of a multi-broker grader that takes no Cluster runs anywhere").isEqualTo(Outcome.PASSED);
    }

    @Test
    void theScorecardListsTheExerciseAndTheTotalAndKeepsTheConsoleClean() {
        grade();
        String scorecard = printed.toString(StandardCharsets.UTF_8);
        assertThat(scorecard).contains("9.1 Sample exercise", "4 / 16", "Total", "-Dworkbook.seed=",
                "9.1 Sample exercise: 2 / 13", "1 more need the embedded backend");
        assertThat(scorecard).as("the learner's prints stay with their check").doesNotContain("line 99999");
        assertThat(scorecard.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void aCheckThatFailedWhileAnotherExerciseFilledTheHeapIsTriedAgain() {
        Map<String, CheckResult> results = grade();

        assertThat(results.get("A check that failed while another exercise filled the heap").outcome())
                .isEqualTo(Outcome.PASSED);
        assertThat(SampleChecks.SharesTheHeap.RETRIED_TRIES).as("tries").hasValue(2);
        assertThat(results.get("A check that is wrong with the heap to spare").outcome()).isEqualTo(Outcome.WRONG);
        assertThat(SampleChecks.SharesTheHeap.WRONG_TRIES).as("a wrong answer is not tried again").hasValue(1);
    }

    private Map<String, CheckResult> grade() {
        SampleChecks.SharesTheHeap.RETRIED_TRIES.set(0);
        SampleChecks.SharesTheHeap.WRONG_TRIES.set(0);
        LauncherDiscoveryRequest request = request()
                .selectors(selectClass(SampleChecks.class), selectClass(SampleChecks.NeedsThreeBrokers.class),
                        selectClass(SampleChecks.SharesTheHeap.class))
                .build();
        // Only the listener under test: the auto-registered one would grade this test JVM's run as well.
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(request, new ScorecardListener());
        List<CheckResult> results = GradescopeResults.read(GradeFiles.RESULTS);
        return results.stream().collect(Collectors.toMap(CheckResult::title, r -> r));
    }
}
