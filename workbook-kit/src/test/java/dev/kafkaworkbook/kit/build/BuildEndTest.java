package dev.kafkaworkbook.kit.build;

import dev.kafkaworkbook.kit.report.CheckResult;
import dev.kafkaworkbook.kit.report.GradeFiles;
import dev.kafkaworkbook.kit.report.GradescopeResults;
import dev.kafkaworkbook.kit.report.Outcome;
import dev.kafkaworkbook.kit.report.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BuildEndTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private static CheckResult check(String module, String exercise, int points, Outcome outcome) {
        return new CheckResult(module, exercise, exercise + " Title", "check of " + exercise, points, outcome,
                outcome == Outcome.PASSED ? "" : "why", false, 0.5, "check" + exercise.replace(".", "_"));
    }

    private Session.Project module(String name, CheckResult... results) throws Exception {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.writeString(dir.resolve("pom.xml"), "<project><parent><artifactId>" + Session.EXERCISE_PARENT
                + "</artifactId></parent><artifactId>" + name + "</artifactId></project>");
        if (results.length > 0) {
            GradescopeResults.write(dir.resolve(GradeFiles.RESULTS), List.of(results), 1.0, "card");
        }
        return new Session.Project(name, dir);
    }

    private Session session(String filter, Session.Project... projects) {
        List<Session.Project> all = new ArrayList<>(List.of(projects));
        all.add(new Session.Project("workbook-report", root.resolve("workbook-report")));
        return new Session(all, java.util.Optional.empty(), java.util.Optional.ofNullable(filter));
    }

    private boolean finish(Session session) {
        return new BuildEnd(new PrintStream(printed, true, StandardCharsets.UTF_8))
                .finish(session, root, Verdict.Expectation.FULL_MARKS, true);
    }

    @Test
    void theTotalMergesModulesAndEndsOnTheVerdict() throws Exception {
        Session session = session(null, module("module-a", check("module-a", "1.1", 2, Outcome.PASSED)),
                module("module-b", check("module-b", "2.1", 3, Outcome.WRONG)));
        assertThat(finish(session)).isFalse();
        List<CheckResult> total = GradescopeResults.read(root.resolve(GradeFiles.RESULTS));
        assertThat(total).extracting(CheckResult::exercise).containsExactly("1.1", "2.1");
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out.strip().lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("Not done yet: 2 of 5 points (1 passed, 1 wrong). Next: 2.1 Title.");
        assertThat(out).contains("module-a", "module-b", "2 / 5");
    }

    @Test
    void aModuleThatLeftNoResultsFailsTheBuildByName() throws Exception {
        Session session = session(null, module("module-a", check("module-a", "1.1", 2, Outcome.PASSED)), module("module-z"));
        assertThat(finish(session)).isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("module-z: no results from this build");
    }

    @Test
    void aRunOfSomeGradersWritesPartialResultsOnly() throws Exception {
        Files.createDirectories(root.resolve(GradeFiles.DIR));
        Files.writeString(root.resolve(GradeFiles.RESULTS), "stale");
        Session session = session("KeyedPublishingGrader", module("module-a", check("module-a", "1.3", 2, Outcome.PASSED)),
                module("module-b"));
        assertThat(finish(session)).isTrue();
        assertThat(root.resolve(GradeFiles.RESULTS)).doesNotExist();
        assertThat(root.resolve(GradeFiles.PARTIAL)).exists();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Partial run");
    }

    @Test
    void theSessionIsReadAsMavenPrintsIt() {
        Session session = Session.from(new BuildArgs(List.of(
                "session=x[MavenProject: dev.kafkaworkbook:workbook-kit:1.0.0-SNAPSHOT @ /w/workbook-kit/pom.xml,"
                        + " MavenProject: dev.kafkaworkbook:module-01-producer:1.0.0-SNAPSHOT @ /w/module-01-producer/pom.xml]",
                "started=xFri Nov 27 12:09:50 UTC 2026", "test=x${test}")));
        assertThat(session.projects()).extracting(Session.Project::artifactId).containsExactly("workbook-kit", "module-01-producer");
        assertThat(session.isLast("module-01-producer")).isTrue();
        assertThat(session.started()).isPresent();
        assertThat(session.testFilter()).isEmpty();
    }
}
