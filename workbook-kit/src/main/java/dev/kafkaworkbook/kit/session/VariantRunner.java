package dev.kafkaworkbook.kit.session;

import dev.kafkaworkbook.kit.build.GraderSources;
import dev.kafkaworkbook.kit.report.CheckResult;
import dev.kafkaworkbook.kit.report.Outcome;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Grades learner-like answers in one warm JVM (run by {@code tools/CheckVariants.java}): each variant folder's Java
 * files replace the learner's in a workbook whose skeletons are the reference solutions, the variant's grader runs
 * in a {@link GradingSession}, and every check must end as the variant declares: {@code fails} names checks that must
 * not pass; {@code fails_with} (and {@code fails_with.2}, …) quotes feedback some failed check must hold, "A | B" for
 * either, when the data decide which rule breaks first; without either, every check passes. One line per variant,
 * then the surprises; exit status: how many variants surprised.
 *
 * <p>Arguments: {@code <workbook copy> <module> <variant folder>...}.
 */
public final class VariantRunner {

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private VariantRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        String module = args[1];
        Path learnerSources = root.resolve(module).resolve("src/main/java");
        List<GraderSources.DeclaredCheck> graders = GraderSources.scan(List.of(root.resolve(module).resolve("src/test/java"),
                root.resolve("solutions").resolve(module).resolve("src/test/java")));
        int surprises = 0;
        List<CheckResult> lastResults = List.of();
        try (GradingSession session = new GradingSession(root, GradingSession.ownClasspath(), "17", true)) {
            for (int i = 2; i < args.length; i++) {
                Path folder = Path.of(args[i]);
                Properties variant = load(folder.resolve("variant.properties"));
                List<String> graderClasses = new ArrayList<>();
                for (String grader : words(variant.getProperty("grader", ""))) {
                    graderClasses.add(graders.stream().map(GraderSources.DeclaredCheck::graderClass)
                            .filter(name -> name.equals(grader) || name.endsWith("." + grader)).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException(folder + ": no grader " + grader)));
                }
                Set<String> fails = new TreeSet<>(words(variant.getProperty("fails", "")));
                Map<Path, byte[]> originals = overlay(folder, learnerSources);
                long began = System.nanoTime();
                List<String> problems;
                try {
                    GradingSession.Result result = session.gradeWith(module, graderClasses);
                    problems = judge(result.results(), fails, variant);
                    lastResults = result.results();
                } finally {
                    restore(originals);
                }
                System.out.printf(Locale.ROOT, "%s %s/%s (%.1f s)%n", problems.isEmpty() ? "ok  " : "FAIL", module,
                        folder.getFileName(), (System.nanoTime() - began) / 1e9);
                problems.forEach(problem -> System.out.println("       " + problem));
                if (Boolean.getBoolean("workbook.timings")) {
                    for (CheckResult timed : lastResults) {
                        System.out.printf(Locale.ROOT, "       %5.2f s  %s%n", timed.seconds(), timed.check());
                    }
                }
                surprises += problems.isEmpty() ? 0 : 1;
            }
        }
        System.exit(Math.min(surprises, 100));
    }

    static List<String> judge(List<CheckResult> results, Set<String> fails, Properties variant) {
        List<String> problems = new ArrayList<>();
        String reason = variant.getProperty("reason");
        List<String> quotes = variant.stringPropertyNames().stream().filter(key -> key.matches("fails_with(\\.\\d+)?"))
                .sorted().map(variant::getProperty).toList();
        for (String quote : quotes) {
            List<String> anyOf = Stream.of(quote.split("\\|")).map(String::trim).toList();
            List<CheckResult> saying = results.stream().filter(r -> r.outcome() != Outcome.PASSED)
                    .filter(r -> anyOf.stream().anyMatch(r.output()::contains)).toList();
            if (saying.isEmpty()) {
                problems.add("no failed check says \"" + quote + "\": " + variant.getProperty("about"));
            }
            saying.forEach(r -> System.out.println("       " + r.check() + ": " + r.output().lines().findFirst().orElse("")));
        }
        for (String failing : fails) {
            if (!failing.startsWith("exercise:") && results.stream().noneMatch(r -> r.check().equals(failing))) {
                problems.add(failing + ": no such check was graded");
            }
        }
        // Checks whose outcome depends on where a crash lands: either way is right for this answer.
        Set<String> mayFail = new TreeSet<>(List.of(variant.getProperty("may_fail", "").trim().split("\\s+")));
        for (CheckResult result : results) {
            if (mayFail.contains(result.check())) {
                continue;
            }
            if (!quotes.isEmpty() && !fails.contains(result.check())) {
                // Quoted feedback pins the answer's fault; its other checks may go either way, but not wrong.
                if (result.outcome() == Outcome.ERROR || result.outcome() == Outcome.NOT_COMPILED
                        || result.outcome() == Outcome.NOT_STARTED) {
                    problems.add(result.check() + " ended " + result.outcome().key() + ": " + result.output());
                }
                continue;
            }
            boolean shouldFail = fails.contains(result.check()) || fails.contains("exercise:" + result.exercise());
            boolean passed = result.outcome() == Outcome.PASSED;
            String firstLine = result.output().lines().findFirst().orElse("");
            if (shouldFail && passed) {
                problems.add(result.check() + " passed, but this answer is wrong: " + variant.getProperty("about"));
            } else if (!shouldFail && !passed) {
                problems.add(result.check() + " ended " + result.outcome().key() + ", but should pass: " + firstLine);
            } else if (shouldFail) {
                System.out.println("       " + result.check() + ": " + firstLine);
                if (reason != null && !result.output().contains(reason)) {
                    problems.add(result.check() + " failed without saying \"" + reason + "\": " + result.output());
                }
            }
        }
        return problems;
    }

    private static List<String> words(String list) {
        return Stream.of(list.trim().split("[\\s,]+")).filter(word -> !word.isEmpty()).toList();
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    /** Puts the variant's files in place of the learner's, and returns what they replaced. */
    private static Map<Path, byte[]> overlay(Path folder, Path learnerSources) throws IOException {
        Map<Path, byte[]> originals = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(source);
                Path target = learnerSources.resolve(pkg.find() ? pkg.group(1).replace('.', '/') : "")
                        .resolve(file.getFileName());
                originals.put(target, Files.exists(target) ? Files.readAllBytes(target) : null);
                Files.createDirectories(target.getParent());
                Files.writeString(target, source);
            }
        }
        return originals;
    }

    private static void restore(Map<Path, byte[]> originals) throws IOException {
        for (Map.Entry<Path, byte[]> original : originals.entrySet()) {
            if (original.getValue() == null) {
                Files.deleteIfExists(original.getKey());
            } else {
                Files.write(original.getKey(), original.getValue());
            }
        }
    }
}
