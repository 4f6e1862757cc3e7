package dev.kafkaworkbook.kit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GradeReportTest {

    @TempDir
    Path root;

    /** The report's console output: not wanted among the build's own closing lines. */
    private final java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());

    private static CheckResult check(String module, String exercise, int points, Outcome outcome) {
        return new CheckResult(module, exercise, exercise + " Title", "check of " + exercise, points, outcome,
                outcome == Outcome.PASSED ? "" : "why", false, 0.5);
    }

    @Test
    void resultsSurviveTheGradescopeFileUnchanged() {
        List<CheckResult> results = List.of(check("m1", "1.1", 2, Outcome.PASSED), check("m1", "1.2", 1, Outcome.NOT_STARTED));
        Path file = root.resolve("results.json");
        GradescopeResults.write(file, results, 3.25, "card");
        assertThat(GradescopeResults.read(file)).isEqualTo(results);
        assertThat(GradescopeResults.executionTime(file)).isEqualTo(3.3);
    }

    @Test
    void theTotalMergesModulesAndFailsUnlessFullMarks() {
        write("module-a", check("module-a", "1.1", 2, Outcome.PASSED));
        write("module-b", check("module-b", "2.1", 3, Outcome.WRONG));
        assertThatThrownBy(() -> GradeReport.run(new String[]{root.toString(), "full-marks", "module-a", "module-b"}, quiet))
                .isInstanceOf(GradeReport.GradingIncompleteException.class)
                .hasMessageContaining("2.1");
        List<CheckResult> total = GradescopeResults.read(root.resolve(ScorecardListener.RESULTS));
        assertThat(total).extracting(CheckResult::exercise).containsExactly("1.1", "2.1");
        assertThat(total.stream().mapToInt(CheckResult::points).sum()).isEqualTo(2);
    }

    @Test
    void fullMarksPass() {
        write("module-a", check("module-a", "1.1", 2, Outcome.PASSED));
        assertThatCode(() -> GradeReport.run(new String[]{root.toString(), "full-marks", "module-a"}, quiet)).doesNotThrowAnyException();
    }

    @Test
    void aModuleWithoutResultsIsNamed() {
        write("module-a", check("module-a", "1.1", 2, Outcome.PASSED));
        assertThatThrownBy(() -> GradeReport.run(new String[]{root.toString(), "full-marks", "module-a", "module-z"}, quiet))
                .hasMessageContaining("module-z: no results");
    }

    @Test
    void theSelfCheckWantsEveryCheckNotStarted() {
        write("module-a", check("module-a", "1.1", 2, Outcome.NOT_STARTED), check("module-a", "1.2", 1, Outcome.PASSED));
        assertThatThrownBy(() -> GradeReport.run(new String[]{root.toString(), "not-started", "module-a"}, quiet))
                .hasMessageContaining("1.2").hasMessageContaining("passed");
    }

    private void write(String module, CheckResult... results) {
        GradescopeResults.write(root.resolve(module).resolve(ScorecardListener.RESULTS), List.of(results), 1.0, "card");
    }
}
