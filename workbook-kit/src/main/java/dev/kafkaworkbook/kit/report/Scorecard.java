package dev.kafkaworkbook.kit.report;

import dev.kafkaworkbook.kit.grading.Texts;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The table a learner reads: exercise by exercise, check by check, with the feedback, every line within
 * {@link #WIDTH} characters.
 */
public final class Scorecard {

    static final int WIDTH = 100;
    /** A feedback line's label ({@code expected: }, {@code revisit:  }): continuation lines align after it. */
    private static final Pattern LABEL = Pattern.compile("^(\\s*)([\\p{L}][\\p{L} ]{0,14}:\\s+)\\S");

    private final Texts kit;

    public Scorecard(Texts kit) {
        this.kit = kit;
    }

    /**
     * One module's card, every check with its feedback.
     *
     * @param heading first line, e.g. {@code Kafka Workbook · module-01-producer}
     * @param context lines under the heading: clusters, seed
     */
    public String module(String heading, List<String> context, List<CheckResult> results) {
        StringBuilder out = header(heading, context, results);
        for (List<CheckResult> exercise : byExercise(results).values()) {
            out.append(line(" " + exercise.get(0).exerciseTitle(), score(exercise))).append('\n');
            String lastOutput = null;
            for (CheckResult check : exercise) {
                String tag = kit.get("tag." + check.outcome().key());
                out.append(line("   " + tag + "  " + check.title(), checkScore(check))).append('\n');
                // A not-started exercise, or one error every check meets, says the same each time: say it once.
                // A module that does not compile says so once, in the card's heading.
                if (check.outcome() != Outcome.PASSED && check.outcome() != Outcome.NOT_COMPILED) {
                    if (check.output().equals(lastOutput)) {
                        if (check.outcome() != Outcome.NOT_STARTED) {
                            out.append(wrap("        " + kit.get("sameAsAbove")));
                        }
                    } else {
                        check.output().lines().forEach(l -> out.append(wrap("        " + l)));
                    }
                }
                lastOutput = check.output();
            }
        }
        return footer(out, results);
    }

    /** The workbook's card: every module with its score, each exercise on one line, and the total. */
    public String workbook(String heading, Map<String, List<CheckResult>> byModule, Map<String, String> moduleNotes) {
        List<CheckResult> all = byModule.values().stream().flatMap(List::stream).toList();
        StringBuilder out = header(heading, List.of(), all);
        byModule.forEach((module, results) -> {
            out.append(line(" " + module, score(results))).append('\n');
            String note = moduleNotes.get(module);
            if (note != null) {
                out.append(wrap("     " + note));
            }
            for (List<CheckResult> exercise : byExercise(results).values()) {
                out.append(line("   " + exercise.get(0).exerciseTitle(), score(exercise) + "   " + counts(exercise)))
                        .append('\n');
            }
        });
        return footer(out, all);
    }

    private StringBuilder header(String heading, List<String> context, List<CheckResult> results) {
        StringBuilder out = new StringBuilder("\n").append("=".repeat(WIDTH)).append('\n');
        out.append(line(" " + heading, score(results))).append('\n');
        context.forEach(c -> out.append(wrap(" " + c)));
        out.append("-".repeat(WIDTH)).append('\n');
        return out;
    }

    private String footer(StringBuilder out, List<CheckResult> results) {
        out.append("-".repeat(WIDTH)).append('\n');
        out.append(line(" " + kit.get("total"), score(results) + "   " + counts(results))).append('\n');
        int skipped = results.stream().filter(r -> r.outcome() == Outcome.SKIPPED).mapToInt(CheckResult::maxPoints).sum();
        if (skipped > 0) {
            out.append(wrap(" " + kit.get("ceiling", results.stream().mapToInt(CheckResult::gradablePoints).sum(), skipped)));
        }
        out.append("=".repeat(WIDTH)).append('\n');
        return out.toString();
    }

    private static Map<String, List<CheckResult>> byExercise(List<CheckResult> results) {
        return results.stream().collect(Collectors.groupingBy(r -> r.module() + "|" + r.exercise(),
                LinkedHashMap::new, Collectors.toList()));
    }

    /** "3 passed, 1 wrong, 2 not started": each outcome counted on its own. */
    String counts(List<CheckResult> results) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        results.forEach(r -> counts.merge(r.outcome(), 1L, Long::sum));
        return counts.entrySet().stream()
                .map(e -> e.getValue() + " " + kit.get("count." + e.getKey().key() + (e.getValue() == 1 ? ".one" : "")))
                .collect(Collectors.joining(", "));
    }

    static String score(List<CheckResult> results) {
        return results.stream().mapToInt(CheckResult::points).sum() + " / "
                + results.stream().mapToInt(CheckResult::gradablePoints).sum();
    }

    private static String checkScore(CheckResult check) {
        return check.outcome() == Outcome.SKIPPED ? "– / " + check.maxPoints() : check.points() + " / " + check.maxPoints();
    }

    private static String line(String left, String right) {
        int gap = WIDTH - left.length() - right.length() - 1;
        if (gap >= 2) {
            return left + " ".repeat(gap) + right;
        }
        // A title too long for its row: the score goes on a row of its own, right-aligned.
        return wrap(left).stripTrailing() + "\n" + " ".repeat(Math.max(0, WIDTH - right.length() - 1)) + right;
    }

    /** A paragraph broken at spaces into lines of the scorecard's width, each starting with {@code indent}. */
    public static String wrapProse(String indent, String text) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split("\\s+")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        return out.append(line).append('\n').toString();
    }

    /**
     * {@code text} broken at spaces into lines of at most {@link #WIDTH} characters, each ending in a newline.
     * Continuation lines keep the first line's indentation, and align after a label such as {@code expected: }.
     */
    static String wrap(String text) {
        if (text.length() <= WIDTH) {
            return text + "\n";
        }
        Matcher label = LABEL.matcher(text);
        int hanging = label.find() ? label.group(1).length() + label.group(2).length()
                : text.length() - text.stripLeading().length() + 2;
        String indent = " ".repeat(Math.min(hanging, WIDTH / 2));
        List<String> lines = new ArrayList<>();
        String rest = text;
        boolean first = true;
        while (rest.length() > WIDTH) {
            int cut = rest.lastIndexOf(' ', WIDTH);
            int floor = first ? hanging : indent.length();
            if (cut <= floor) {
                cut = WIDTH;  // one word longer than the line: break it
            }
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = indent + rest.substring(cut).stripLeading();
            first = false;
        }
        lines.add(rest);
        return String.join("\n", lines) + "\n";
    }
}
