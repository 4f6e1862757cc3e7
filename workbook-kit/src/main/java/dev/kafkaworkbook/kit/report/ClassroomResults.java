package dev.kafkaworkbook.kit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One runner result per module in the shape GitHub Classroom's grading reporter reads
 * ({@code version}, {@code status}, {@code max_score}, {@code tests[]} with {@code name}, {@code status},
 * {@code score}, {@code message}), written as {@code target/grading/classroom/<module>.json}. The learner copy's
 * workflow hands each one, base64-encoded, to the reporter, so a push shows points per module.
 */
public final class ClassroomResults {

    public static final Path DIR = GradeFiles.DIR.resolve("classroom");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MESSAGE_CHARS = 1_000;

    private ClassroomResults() {
    }

    public static void write(Path root, Map<String, List<CheckResult>> byModule) {
        byModule.forEach((module, results) -> {
            List<CheckResult> visible = results.stream().filter(r -> !r.hidden()).toList();
            ObjectNode runner = JSON.createObjectNode();
            runner.put("version", 1);
            runner.put("status", visible.stream().anyMatch(r -> r.outcome().isFailure()) ? "fail" : "pass");
            runner.put("max_score", visible.stream().mapToInt(CheckResult::gradablePoints).sum());
            ArrayNode tests = runner.putArray("tests");
            for (CheckResult result : visible) {
                ObjectNode test = tests.addObject();
                test.put("name", result.exercise() + " " + result.title());
                test.put("status", result.outcome().isFailure() ? "fail" : "pass");
                test.put("score", result.points());
                String message = result.output();
                test.put("message", message.length() > MESSAGE_CHARS ? message.substring(0, MESSAGE_CHARS) + "…" : message);
                test.put("test_code", "");
                test.put("filename", "");
                test.put("line_no", 0);
                test.put("execution_time", String.format(Locale.ROOT, "%.1fs", result.seconds()));
            }
            try {
                Path file = root.resolve(DIR).resolve(module + ".json");
                Files.createDirectories(file.getParent());
                JSON.writeValue(file.toFile(), runner);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
