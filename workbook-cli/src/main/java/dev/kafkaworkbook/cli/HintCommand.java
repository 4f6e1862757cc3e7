package dev.kafkaworkbook.cli;

import dev.kafkaworkbook.kit.grading.Texts;
import dev.kafkaworkbook.kit.session.Course;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * {@code ./workbook hint 1.3}: the next hint of an exercise, one more each time it is asked, from a nudge towards the
 * lesson to the concept to the API to use; never the solution. {@code --all} shows every hint at once.
 */
@Command(name = "hint", mixinStandardHelpOptions = true)
final class HintCommand implements Callable<Integer> {

    @Parameters(paramLabel = "EXERCISE", descriptionKey = "hint.exercise")
    String exercise;

    @Option(names = "--all", descriptionKey = "hint.all")
    boolean all;

    @Override
    public Integer call() {
        return show(Workbook.root(), Workbook.texts(), exercise, all, System.out) ? 0 : 1;
    }

    /** Shows the next hint (or all); false when there is no such exercise. */
    static boolean show(Path root, Texts texts, String id, boolean all, PrintStream out) {
        Course course = Course.of(root);
        var exercise = course.find(id);
        if (exercise.isEmpty()) {
            out.println(texts.get("unknown.exercise", id, course.exercises().stream().map(Course.Exercise::id).toList()));
            return false;
        }
        List<String> hints = Course.hints(root, exercise.get());
        if (hints.isEmpty()) {
            out.println(texts.get("hint.none", exercise.get().title()));
            return true;
        }
        Path seenFile = root.resolve("target").resolve("grading").resolve("hints-seen.properties");
        Properties seen = load(seenFile);
        int shown = Math.min(hints.size(), all ? hints.size() : Integer.parseInt(seen.getProperty(id, "0")) + 1);
        for (int level = all ? 1 : shown; level <= shown; level++) {
            out.println(texts.get("hint.heading", level, hints.size(), exercise.get().title()));
            out.print(dev.kafkaworkbook.kit.report.Scorecard.wrapProse("  ", hints.get(level - 1)));
        }
        if (shown == hints.size()) {
            out.println(texts.get("hint.last", exercise.get().module(), id));
        } else {
            out.println(texts.get("hint.more", id));
        }
        seen.setProperty(id, String.valueOf(Math.max(shown, Integer.parseInt(seen.getProperty(id, "0")))));
        store(seen, seenFile);
        return true;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException unreadable) {
                // Start counting again.
            }
        }
        return properties;
    }

    private static void store(Properties properties, Path file) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(out, "./workbook hint: how many hints of each exercise were shown");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
