package dev.kafkaworkbook.kit.report;

import dev.kafkaworkbook.kit.grading.Texts;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The table a learner reads at the end of a run: exercise by exercise, check by check, with the feedback. */
public final class Scorecard {

    private static final int WIDTH = 100;

    private final Texts kit;

    public Scorecard(Texts kit) {
        this.kit = kit;
    }

    /**
     * @param heading first line, e.g. {@code Kafka Workbook · module-01-producer}
     * @param context lines under the heading: clusters, seed
     * @param detailed with every check and its feedback, or one line per exercise
     */
    public String render(String heading, List<String> context, List<CheckResult> results, boolean detailed) {
        StringBuilder out = new StringBuilder("\n").append("=".repeat(WIDTH)).append('\n');
        out.append(line(" " + heading, score(results))).append('\n');
        context.forEach(c -> out.append(' ').append(c).append('\n'));
        out.append("-".repeat(WIDTH)).append('\n');
        Map<String, List<CheckResult>> byExercise = results.stream().collect(
                Collectors.groupingBy(r -> r.module() + "|" + r.exercise(), LinkedHashMap::new, Collectors.toList()));
        for (List<CheckResult> exercise : byExercise.values()) {
            CheckResult first = exercise.get(0);
            String label = first.exerciseTitle();
            out.append(line(" " + label, score(exercise) + summary(exercise, detailed))).append('\n');
            if (detailed) {
                String lastOutput = null;
                for (CheckResult check : exercise) {
                    String tag = kit.get("tag." + check.outcome().key());
                    out.append(line("   " + tag + "  " + check.title(), check.points() + " / " + check.maxPoints())).append('\n');
                    // A not-started exercise, or a configuration every check rejects, says the same each time: say it once.
                    if (check.outcome() != Outcome.PASSED) {
                        if (check.output().equals(lastOutput)) {
                            if (check.outcome() != Outcome.NOT_STARTED) {
                                out.append("        ").append(kit.get("sameAsAbove")).append('\n');
                            }
                        } else {
                            check.output().lines().forEach(l -> out.append("        ").append(l).append('\n'));
                        }
                    }
                    lastOutput = check.output();
                }
            }
        }
        out.append("-".repeat(WIDTH)).append('\n');
        out.append(line(" " + kit.get("total"), score(results) + "   " + counts(results))).append('\n');
        out.append("=".repeat(WIDTH)).append('\n');
        return out.toString();
    }

    private String summary(List<CheckResult> exercise, boolean detailed) {
        return detailed ? "" : "   " + counts(exercise);
    }

    private String counts(List<CheckResult> results) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        results.forEach(r -> counts.merge(r.outcome(), 1L, Long::sum));
        return counts.entrySet().stream()
                .map(e -> e.getValue() + " " + kit.get("count." + e.getKey().key()))
                .collect(Collectors.joining(", "));
    }

    private static String score(List<CheckResult> results) {
        return results.stream().mapToInt(CheckResult::points).sum() + " / "
                + results.stream().mapToInt(CheckResult::maxPoints).sum();
    }

    private static String line(String left, String right) {
        int gap = WIDTH - left.length() - right.length() - 1;
        return gap >= 2 ? left + " ".repeat(gap) + right : left + "  " + right;
    }
}
