package dev.kafkaworkbook.cli;

import dev.kafkaworkbook.kit.grading.Texts;
import dev.kafkaworkbook.kit.session.Course;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ./workbook reset 1.3}: the exercise's skeleton files back as they were handed out, the learner's version
 * kept under {@code .workbook/backups/<time>/}. The skeleton comes from the workbook's git history: the newest
 * commit whose files still hold the exercise's {@code TODO}.
 */
@Command(name = "reset", mixinStandardHelpOptions = true)
final class ResetCommand implements Callable<Integer> {

    @Parameters(paramLabel = "EXERCISE", descriptionKey = "reset.exercise")
    String exercise;

    @Override
    public Integer call() throws Exception {
        return reset(Workbook.root(), Workbook.texts(), exercise, System.out) ? 0 : 1;
    }

    static boolean reset(Path root, Texts texts, String id, PrintStream out) throws Exception {
        Course course = Course.of(root);
        Optional<Course.Exercise> exercise = course.find(id);
        if (exercise.isEmpty()) {
            out.println(texts.get("unknown.exercise", id, course.exercises().stream().map(Course.Exercise::id).toList()));
            return false;
        }
        if (!Files.exists(root.resolve(".git"))) {
            out.println(texts.get("reset.noGit"));
            return false;
        }
        String sources = exercise.get().module() + "/src/main/java";
        String marker = "TODO " + id + ":";
        Optional<String> commit = Optional.empty();
        List<String> files = List.of();
        for (String candidate : git(root, "rev-list", "--max-count=200", "HEAD", "--", sources).lines().toList()) {
            List<String> found = lines(gitOrEmpty(root, "grep", "-l", "-F", marker, candidate, "--", sources));
            if (!found.isEmpty()) {
                commit = Optional.of(candidate);
                files = found.stream().map(f -> f.substring(candidate.length() + 1)).toList();
                break;
            }
        }
        if (commit.isEmpty()) {
            out.println(texts.get("reset.noSkeleton", id, sources));
            return false;
        }
        Path backups = root.resolve(".workbook").resolve("backups")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        boolean changed = false;
        for (String file : files) {
            byte[] skeleton = git(root, "show", commit.get() + ":" + file).getBytes(StandardCharsets.UTF_8);
            Path current = root.resolve(file);
            if (Files.exists(current) && Arrays.equals(Files.readAllBytes(current), skeleton)) {
                out.println(texts.get("reset.same", file));
                continue;
            }
            if (Files.exists(current)) {
                Path backup = backups.resolve(file);
                Files.createDirectories(backup.getParent());
                Files.copy(current, backup);
                out.println(texts.get("reset.kept", file, root.relativize(backup)));
            }
            Files.createDirectories(current.getParent());
            Files.write(current, skeleton);
            out.println(texts.get("reset.done", file));
            changed = true;
        }
        if (changed) {
            out.println(texts.get("reset.summary", exercise.get().title(), root.relativize(backups)));
        }
        return true;
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        text.lines().filter(l -> !l.isBlank()).forEach(lines::add);
        return lines;
    }

    static String git(Path root, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(false).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        git.getErrorStream().readAllBytes();
        if (git.waitFor() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed");
        }
        return output;
    }

    /** git grep exits 1 when it finds nothing: that is an empty answer, not a failure. */
    private static String gitOrEmpty(Path root, String... args) throws InterruptedException {
        try {
            return git(root, args);
        } catch (IOException nothingFound) {
            return "";
        }
    }
}
