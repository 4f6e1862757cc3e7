package dev.kafkaworkbook.kit.report;

import dev.kafkaworkbook.kit.grading.Texts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictTest {

    private final Texts english = Texts.kit(Locale.ENGLISH);

    static CheckResult check(String exercise, int points, Outcome outcome) {
        return new CheckResult("module-a", exercise, exercise + " Title", "check of " + exercise, points, outcome,
                outcome == Outcome.PASSED ? "" : "why", false, 0.5, "check" + exercise.replace(".", "_"));
    }

    @Test
    void fullMarksAreDone() {
        Verdict verdict = Verdict.of(Verdict.Expectation.FULL_MARKS,
                List.of(check("1.1", 2, Outcome.PASSED), check("1.2", 3, Outcome.PASSED)), List.of(), english);
        assertThat(verdict.met()).isTrue();
        assertThat(verdict.sentence()).isEqualTo("Done: every check passed, 5 of 5 points.");
    }

    @Test
    void theOutcomesAreCountedApartAndTheNextExerciseNamed() {
        Verdict verdict = Verdict.of(Verdict.Expectation.FULL_MARKS, List.of(check("1.1", 2, Outcome.PASSED),
                check("1.2", 1, Outcome.WRONG), check("1.3", 1, Outcome.NOT_STARTED), check("1.3", 1, Outcome.NOT_STARTED)),
                List.of(), english);
        assertThat(verdict.met()).isFalse();
        assertThat(verdict.sentence())
                .isEqualTo("Not done yet: 2 of 5 points (1 passed, 2 not started, 1 wrong). Next: 1.2 Title.");
    }

    @Test
    void spanishCountsAreSingularForOne() {
        Verdict verdict = Verdict.of(Verdict.Expectation.FULL_MARKS,
                List.of(check("1.1", 2, Outcome.PASSED), check("1.2", 1, Outcome.WRONG)), List.of(), Texts.kit(new Locale("es")));
        assertThat(verdict.sentence()).contains("1 correcta, 1 incorrecta").doesNotContain("correctas");
    }

    @Test
    void aSkippedCheckDoesNotCountAgainstTheLearner() {
        List<CheckResult> results = List.of(check("1.1", 2, Outcome.PASSED), check("1.6", 3, Outcome.SKIPPED));
        Verdict verdict = Verdict.of(Verdict.Expectation.FULL_MARKS, results, List.of(), english);
        assertThat(verdict.met()).isTrue();
        assertThat(verdict.sentence()).isEqualTo("Done: every check that could run here passed, 2 of 2 points; 3 more points"
                + " need the embedded backend.");
        assertThat(Verdict.of(Verdict.Expectation.NOT_STARTED,
                List.of(check("1.1", 2, Outcome.NOT_STARTED), check("1.6", 3, Outcome.SKIPPED)), List.of(), english).met())
                .isTrue();
    }

    @Test
    void aModuleWithoutResultsIsNamed() {
        Verdict verdict = Verdict.of(Verdict.Expectation.FULL_MARKS, List.of(check("1.1", 2, Outcome.PASSED)),
                List.of("module-z"), english);
        assertThat(verdict.met()).isFalse();
        assertThat(verdict.sentence()).contains("module-z");
    }

    @Test
    void theSelfCheckWantsEveryCheckNotStarted() {
        Verdict verdict = Verdict.of(Verdict.Expectation.NOT_STARTED,
                List.of(check("1.1", 2, Outcome.NOT_STARTED), check("1.2", 1, Outcome.PASSED)), List.of(), english);
        assertThat(verdict.met()).isFalse();
        assertThat(verdict.sentence()).contains("1.2 check of 1.2 (passed)");
    }

    @Test
    void resultsSurviveTheGradescopeFileAndSkipsAreGradedOutOfNothing(@TempDir Path dir) throws Exception {
        List<CheckResult> results = List.of(check("1.1", 2, Outcome.PASSED), check("1.2", 1, Outcome.NOT_STARTED),
                check("1.6", 3, Outcome.SKIPPED));
        Path file = dir.resolve("results.json");
        GradescopeResults.write(file, results, 3.25, "card");
        assertThat(GradescopeResults.read(file)).isEqualTo(results);
        assertThat(GradescopeResults.executionTime(file)).isEqualTo(3.3);
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        assertThat(json.path("score").asInt()).isEqualTo(2);
        assertThat(json.path("max_score").asInt()).as("the skipped check's points are not in the ceiling").isEqualTo(3);
        assertThat(json.path("tests").get(0).path("name").asText()).isEqualTo("check of 1.1");
        assertThat(json.path("tests").get(2).has("status")).as("a skip is neither passed nor failed").isFalse();
        assertThat(json.path("tests").get(2).path("max_score").asInt()).isZero();
    }
}
