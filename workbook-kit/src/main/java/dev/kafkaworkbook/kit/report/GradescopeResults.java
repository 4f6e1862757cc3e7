package dev.kafkaworkbook.kit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code results.json} in Gradescope's autograder format, which GitHub Classroom and most platforms read too:
 * {@code score}, {@code max_score}, {@code execution_time} (seconds), {@code output}, and {@code tests[]} with
 * {@code name}, {@code number} (the exercise id), {@code score}, {@code max_score}, {@code status},
 * {@code output} and {@code visibility}.
 *
 * <p>A skipped check is graded out of 0 and has no status: it could not run here and counts against no one; its
 * points are in {@code extra_data}. The top-level {@code output} is what every learner may see: the scorecard
 * without the hidden checks. {@code extra_data} keeps what the workbook needs to merge modules.
 */
public final class GradescopeResults {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GradescopeResults() {
    }

    /**
     * @param visibleOutput the scorecard without hidden checks, shown to the learner
     */
    public static void write(Path file, List<CheckResult> results, double executionSeconds, String visibleOutput) {
        ObjectNode root = JSON.createObjectNode();
        root.put("score", results.stream().mapToInt(CheckResult::points).sum());
        root.put("max_score", results.stream().mapToInt(CheckResult::gradablePoints).sum());
        root.put("execution_time", Math.round(executionSeconds * 10) / 10.0);
        root.put("output", visibleOutput);
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        root.putObject("extra_data").put("skipped_points", results.stream()
                .filter(r -> r.outcome() == Outcome.SKIPPED).mapToInt(CheckResult::maxPoints).sum());
        ArrayNode tests = root.putArray("tests");
        for (CheckResult result : results) {
            ObjectNode test = tests.addObject();
            test.put("name", result.title());
            test.put("number", result.exercise());
            test.put("score", result.points());
            test.put("max_score", result.gradablePoints());
            if (result.outcome() != Outcome.SKIPPED) {
                test.put("status", result.outcome() == Outcome.PASSED ? "passed" : "failed");
            }
            test.put("output", result.output());
            test.put("visibility", result.hidden() ? "after_published" : "visible");
            ObjectNode extra = test.putObject("extra_data");
            extra.put("module", result.module());
            extra.put("exercise_title", result.exerciseTitle());
            extra.put("points", result.maxPoints());
            extra.put("check", result.check());
            extra.put("outcome", result.outcome().key());
            extra.put("execution_time", Math.round(result.seconds() * 10) / 10.0);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** The checks of a results file this workbook wrote. */
    public static List<CheckResult> read(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<CheckResult> results = new ArrayList<>();
            for (JsonNode test : root.path("tests")) {
                JsonNode extra = test.path("extra_data");
                results.add(new CheckResult(extra.path("module").asText(), test.path("number").asText(),
                        extra.path("exercise_title").asText(), test.path("name").asText(),
                        extra.path("points").asInt(test.path("max_score").asInt()), Outcome.fromKey(extra.path("outcome").asText()),
                        test.path("output").asText(), "after_published".equals(test.path("visibility").asText()),
                        extra.path("execution_time").asDouble(), extra.path("check").asText()));
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /** {@code execution_time} of a results file. */
    public static double executionTime(Path file) {
        try {
            return JSON.readTree(file.toFile()).path("execution_time").asDouble();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }
}
