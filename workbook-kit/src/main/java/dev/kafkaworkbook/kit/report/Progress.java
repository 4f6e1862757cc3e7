package dev.kafkaworkbook.kit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each exercise stands after its last grading, by {@code mvn test} or by the watch loop:
 * {@code target/grading/progress.json} at the workbook's root. What {@code ./workbook list} shows, and where the
 * watch loop starts.
 */
public final class Progress {

    public static final Path FILE = Path.of("target", "grading", "progress.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** How an exercise ended its last grading. */
    public enum Status { PASSED, WRONG, NOT_STARTED, NOT_COMPILED, NOT_GRADED }

    /** One exercise's last grading. */
    public record Entry(Status status, int points, int maxPoints, String when) {
    }

    private final Path file;
    private final Map<String, Entry> entries;

    private Progress(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    public static Progress load(Path root) {
        Path file = root.resolve(FILE);
        Map<String, Entry> entries = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            try {
                JsonNode json = JSON.readTree(file.toFile());
                json.fields().forEachRemaining(e -> entries.put(e.getKey(), new Entry(
                        Status.valueOf(e.getValue().path("status").asText("NOT_GRADED")),
                        e.getValue().path("points").asInt(), e.getValue().path("max_points").asInt(),
                        e.getValue().path("when").asText())));
            } catch (IOException | IllegalArgumentException unreadable) {
                // A progress file from another version: start afresh, the next grading writes it again.
            }
        }
        return new Progress(file, entries);
    }

    public Optional<Entry> of(String exercise) {
        return Optional.ofNullable(entries.get(exercise));
    }

    /** Records a grading of some exercises (their checks, visible ones only) and saves. */
    public synchronized void record(List<CheckResult> results) {
        Map<String, List<CheckResult>> byExercise = new LinkedHashMap<>();
        results.stream().filter(r -> !r.hidden())
                .forEach(r -> byExercise.computeIfAbsent(r.exercise(), id -> new java.util.ArrayList<>()).add(r));
        String now = Instant.now().toString();
        byExercise.forEach((exercise, checks) -> entries.put(exercise, new Entry(statusOf(checks),
                checks.stream().mapToInt(CheckResult::points).sum(),
                checks.stream().mapToInt(CheckResult::gradablePoints).sum(), now)));
        save();
    }

    static Status statusOf(List<CheckResult> checks) {
        if (checks.stream().allMatch(c -> c.outcome() == Outcome.PASSED || c.outcome() == Outcome.SKIPPED)) {
            return Status.PASSED;
        }
        if (checks.stream().anyMatch(c -> c.outcome() == Outcome.NOT_COMPILED)) {
            return Status.NOT_COMPILED;
        }
        if (checks.stream().allMatch(c -> c.outcome() == Outcome.NOT_STARTED || c.outcome() == Outcome.SKIPPED)) {
            return Status.NOT_STARTED;
        }
        return Status.WRONG;
    }

    private void save() {
        ObjectNode json = JSON.createObjectNode();
        entries.forEach((exercise, entry) -> {
            ObjectNode node = json.putObject(exercise);
            node.put("status", entry.status().name());
            node.put("points", entry.points());
            node.put("max_points", entry.maxPoints());
            node.put("when", entry.when());
        });
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
