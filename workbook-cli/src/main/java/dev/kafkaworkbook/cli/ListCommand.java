package dev.kafkaworkbook.cli;

import dev.kafkaworkbook.kit.grading.Texts;
import dev.kafkaworkbook.kit.report.Progress;
import dev.kafkaworkbook.kit.session.Course;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code ./workbook list}: every exercise with where it stood at its last grading ({@code mvn test} or the watch
 * loop), its points, each module's and the workbook's total, and a progress bar.
 */
@Command(name = "list", mixinStandardHelpOptions = true)
final class ListCommand implements Callable<Integer> {

    static final int WIDTH = 100;
    private static final int BAR = 30;
    /** Statuses take a column of their own, so that the points line up. */
    private static final int STATUS_WIDTH = 18;

    @Override
    public Integer call() {
        print(Workbook.root(), Workbook.texts(), System.out);
        return 0;
    }

    static void print(Path root, Texts texts, PrintStream out) {
        Course course = Course.of(root);
        Progress progress = Progress.load(root);
        Map<String, List<Course.Exercise>> byModule = course.exercises().stream()
                .collect(Collectors.groupingBy(Course.Exercise::module, LinkedHashMap::new, Collectors.toList()));
        int total = course.exercises().stream().mapToInt(Course.Exercise::points).sum();
        int earned = course.exercises().stream().mapToInt(e -> progress.of(e.id()).map(Progress.Entry::points).orElse(0)).sum();
        long passed = course.exercises().stream()
                .filter(e -> progress.of(e.id()).map(p -> p.status() == Progress.Status.PASSED).orElse(false)).count();
        out.println("=".repeat(WIDTH));
        out.println(line(" " + texts.get("list.heading"), earned + " / " + total));
        int filled = total == 0 ? 0 : earned * BAR / total;
        out.println(" [" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] "
                + texts.get("list.passed", passed, course.exercises().size(), total == 0 ? 0 : earned * 100 / total));
        out.println("-".repeat(WIDTH));
        byModule.forEach((module, exercises) -> {
            int moduleEarned = exercises.stream().mapToInt(e -> progress.of(e.id()).map(Progress.Entry::points).orElse(0)).sum();
            int moduleTotal = exercises.stream().mapToInt(Course.Exercise::points).sum();
            out.println(line(" " + module, moduleEarned + " / " + moduleTotal));
            for (Course.Exercise exercise : exercises) {
                Progress.Status status = progress.of(exercise.id()).map(Progress.Entry::status).orElse(Progress.Status.NOT_GRADED);
                String score = progress.of(exercise.id()).map(p -> String.valueOf(p.points())).orElse("–") + " / " + exercise.points();
                String said = texts.get("list.status." + status.name().toLowerCase());
                out.println(line("   " + texts.get("list.tag." + status.name().toLowerCase()) + "  " + exercise.title(),
                        score + "   " + said + " ".repeat(Math.max(0, STATUS_WIDTH - said.length()))));
            }
        });
        out.println("=".repeat(WIDTH));
        out.println(texts.get("list.footer"));
    }

    static String line(String left, String right) {
        int gap = WIDTH - left.length() - right.length() - 1;
        return gap >= 2 ? left + " ".repeat(gap) + right : left + "  " + right;
    }
}
