package dev.kafkaworkbook.kit.grading;

import dev.kafkaworkbook.kit.report.CheckResult;
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
        assertThat(results.get("A check on a skeleton").output()).contains("TODO 9.1: write me");

        CheckResult hang = results.get("A check whose learner code hangs");
        assertThat(hang.outcome()).isEqualTo(Outcome.WRONG);
        assertThat(hang.output()).contains("answer() did not return", "0.3 s", "did you call wakeup()?");

        CheckResult crash = results.get("A check whose learner code throws");
        assertThat(crash.outcome()).isEqualTo(Outcome.CRASHED);
        assertThat(crash.output()).contains("IllegalStateException", "learner bug");
        assertThat(crash.points()).isZero();

        CheckResult skipped = results.get("Stops a broker");
        assertThat(skipped.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(skipped.output()).contains("needs 3 brokers", "external backend");
    }

    @Test
    void theScorecardListsTheExerciseAndTheTotal() {
        grade();
        String scorecard = printed.toString(StandardCharsets.UTF_8);
        assertThat(scorecard).contains("9.1 Sample exercise", "2 / 8", "Total", "-Dworkbook.seed=");
    }

    private Map<String, CheckResult> grade() {
        LauncherDiscoveryRequest request = request()
                .selectors(selectClass(SampleChecks.class), selectClass(SampleChecks.NeedsThreeBrokers.class))
                .build();
        // Only the listener under test: the auto-registered one would grade this test JVM's run as well.
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(request, new ScorecardListener());
        List<CheckResult> results = GradescopeResults.read(ScorecardListener.RESULTS);
        return results.stream().collect(Collectors.toMap(CheckResult::title, r -> r));
    }
}
