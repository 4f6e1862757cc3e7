package dev.kafkaworkbook.kit.session;

import dev.kafkaworkbook.kit.build.GraderSources;
import dev.kafkaworkbook.kit.grading.Texts;
import dev.kafkaworkbook.kit.report.ExerciseOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workbook's exercises as its sources declare them: the exercise modules of the root pom, in order, and for each
 * the exercises its visible graders grade, with their titles (in the learner's language) and points.
 */
public record Course(List<Exercise> exercises) {

    /** One exercise: where it lives, what it is called, what it is worth. */
    public record Exercise(String module, String id, String title, int points, List<String> graders) {
    }

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final String EXERCISE_PARENT = "<artifactId>workbook-exercise-parent</artifactId>";

    public static Course of(Path root) {
        List<Exercise> exercises = new ArrayList<>();
        for (String module : modules(root)) {
            Path moduleDir = root.resolve(module);
            Map<String, List<GraderSources.DeclaredCheck>> byExercise = new LinkedHashMap<>();
            GraderSources.scan(List.of(moduleDir.resolve("src/test/java"))).stream().filter(c -> !c.hidden())
                    .forEach(check -> byExercise.computeIfAbsent(check.exercise(), id -> new ArrayList<>()).add(check));
            ClassLoader bundles = bundles(moduleDir);
            byExercise.forEach((id, checks) -> {
                String grader = checks.get(0).graderClass();
                String title = Texts.find(grader, bundles).flatMap(t -> t.find("title")).orElse(grader);
                exercises.add(new Exercise(module, id, id + " " + title,
                        checks.stream().mapToInt(GraderSources.DeclaredCheck::points).sum(),
                        checks.stream().map(GraderSources.DeclaredCheck::graderClass).distinct().toList()));
            });
        }
        exercises.sort(Comparator.comparing(Exercise::id, ExerciseOrder.IDS));
        return new Course(List.copyOf(exercises));
    }

    /** The exercise modules, in the root pom's order. */
    public static List<String> modules(Path root) {
        List<String> modules = new ArrayList<>();
        try {
            Matcher module = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
            while (module.find()) {
                Path pom = root.resolve(module.group(1)).resolve("pom.xml");
                if (Files.exists(pom)) {
                    String text = Files.readString(pom);
                    int start = text.indexOf("<parent>");
                    int end = text.indexOf("</parent>");
                    if (start >= 0 && end > start && text.substring(start, end).contains(EXERCISE_PARENT)) {
                        modules.add(module.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return modules;
    }

    /** The texts of the exercise's grader: its title, checks and hints ({@code hint.1} to {@code hint.3}). */
    public static Optional<Texts> texts(Path root, Exercise exercise) {
        return Texts.find(exercise.graders().get(0), bundles(root.resolve(exercise.module())));
    }

    /** The hints of an exercise, in order: from a nudge towards the lesson to the API to use. */
    public static List<String> hints(Path root, Exercise exercise) {
        List<String> hints = new ArrayList<>();
        Optional<Texts> texts = texts(root, exercise);
        for (int level = 1; texts.isPresent(); level++) {
            Optional<String> hint = texts.get().find("hint." + level);
            if (hint.isEmpty()) {
                break;
            }
            hints.add(hint.get());
        }
        return hints;
    }

    /** The exercise after {@code id} in course order. */
    public Optional<Exercise> after(String id) {
        for (int i = 0; i < exercises.size() - 1; i++) {
            if (exercises.get(i).id().equals(id)) {
                return Optional.of(exercises.get(i + 1));
            }
        }
        return Optional.empty();
    }

    public Optional<Exercise> find(String id) {
        return exercises.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    private static ClassLoader bundles(Path moduleDir) {
        try {
            return new URLClassLoader(new URL[]{moduleDir.resolve("src/test/resources").toUri().toURL()}, null);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
