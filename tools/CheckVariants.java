import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Graders are tests of tests: this runs them on answers a learner could write. Each folder under
 * {@code solutions/<module>/variants/} holds one answer (its Java files, with their package lines; an empty folder
 * is the reference itself) and a {@code variant.properties}:
 * <pre>
 * about  = The deserializer throws SerializationException without the parser's error as cause.
 * grader = JsonSerializationGrader          (run this grader alone: mvn test -Dtest=…)
 * fails  = aCorruptPayloadIsASerializationException   (checks that must not pass; empty for a correct answer)
 * may_fail = …                              (checks whose outcome depends on where a crash lands, or on a race in the wrong answer: not judged)
 * </pre>
 * or, to see what the whole build does with it (containment: an exit, a hang, a compile error):
 * <pre>
 * run    = build                            (mvn test of the module and the workbook total)
 * fails  = exercise:1.3                     (or: module, or check names)
 * reason = System.exit                      (every failing check's feedback says so)
 * baseline = true | max_extra_seconds = 25  (a clean build to time the others against)
 * </pre>
 * In a scratch copy of the workbook whose skeletons are the reference solutions, each variant's files replace the
 * solution's, the build runs, and every check must end as declared: the failing ones not passed, all others passed.
 * A build variant must also exit non-zero exactly when something fails, write fresh grade files and end on the
 * verdict.
 *
 * <p>Usage: {@code java tools/CheckVariants.java [module[/prefix]…]} from the workbook root (default: every module
 * with variants; a prefix keeps the variants whose folder starts with it). Exit 1 and one line per surprise otherwise. Maven runs offline: build once first.
 */
public class CheckVariants {

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** One test of a grade file this workbook wrote: its exercise, output, then (in extra_data) its check and outcome. */
    private static final Pattern TEST = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]*)\"[^{]*?"
            + "\"output\"\\s*:\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"[^{]*\\{[^}]*?"
            + "\"check\"\\s*:\\s*\"([^\"]*)\"\\s*,\\s*\"outcome\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");

    private record Graded(String exercise, String check, String outcome, String output) {
    }

    private static Double baselineSeconds;

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        // An argument names a module, or module/prefix for the variants whose folder starts with the prefix.
        Map<String, String> filters = new LinkedHashMap<>();
        for (String arg : args) {
            int slash = arg.indexOf('/');
            filters.put(slash < 0 ? arg : arg.substring(0, slash), slash < 0 ? "" : arg.substring(slash + 1));
        }
        List<String> modules = new ArrayList<>(filters.keySet());
        if (modules.isEmpty()) {
            try (Stream<Path> dirs = Files.list(root.resolve("solutions"))) {
                dirs.filter(d -> Files.isDirectory(d.resolve("variants"))).map(d -> d.getFileName().toString())
                        .sorted().forEach(modules::add);
            }
        }
        Path scratch = Files.createTempDirectory("workbook-variants-");
        copyTree(root, scratch);
        for (String module : modules) {
            copyTree(scratch.resolve("solutions").resolve(module).resolve("src/main/java"),
                    scratch.resolve(module).resolve("src/main/java"));
        }
        List<String> classpath = workerClasspath(scratch, modules);
        int surprises = 0;
        int variants = 0;
        for (String module : modules) {
            Path learnerSources = scratch.resolve(module).resolve("src/main/java");
            List<Path> folders;
            try (Stream<Path> dirs = Files.list(root.resolve("solutions").resolve(module).resolve("variants"))) {
                String prefix = filters.getOrDefault(module, "");
                folders = dirs.filter(Files::isDirectory).filter(d -> d.getFileName().toString().startsWith(prefix))
                        .sorted().toList();
            }
            // Answers graded by their grader alone share one warm JVM; whole builds run Maven, one each.
            List<Path> graded = new ArrayList<>();
            List<Path> builds = new ArrayList<>();
            for (Path folder : folders) {
                (isBuild(folder) ? builds : graded).add(folder);
            }
            variants += folders.size();
            if (!graded.isEmpty()) {
                surprises += runInOneJvm(scratch, module, graded, classpath);
            }
            for (Path folder : builds) {
                List<String> problems = run(scratch, module, learnerSources, folder);
                for (String problem : problems) {
                    System.out.println("       " + problem);
                }
                surprises += problems.isEmpty() ? 0 : 1;
            }
        }
        System.out.println("Variants checked: " + variants + ", " + surprises + " graded otherwise than declared.");
        if (surprises == 0) {
            deleteTree(scratch);
        } else {
            System.out.println("The copy they were graded in, with each build's log: " + scratch);
        }
        System.exit(surprises == 0 && variants > 0 ? 0 : 1);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static boolean isBuild(Path folder) throws IOException {
        Properties variant = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve("variant.properties"), StandardCharsets.UTF_8)) {
            variant.load(in);
        }
        return "build".equals(variant.getProperty("run", "grader"));
    }

    /** What the kit's grading session runs on: the modules' test class paths, written by Maven in the copy. */
    private static List<String> workerClasspath(Path scratch, List<String> modules) throws Exception {
        Path log = scratch.resolve("variants-classpath.log");
        int status = new ProcessBuilder("mvn", "-B", "-q", "-o", "process-test-resources", "-Dworkbook.skipKitTests=true",
                "-pl", String.join(",", modules), "-am").directory(scratch.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start().waitFor();
        if (status != 0) {
            throw new IllegalStateException("mvn process-test-resources failed in the copy; see " + log);
        }
        Set<String> entries = new java.util.LinkedHashSet<>();
        for (String module : modules) {
            String text = Files.readString(scratch.resolve(module).resolve("target/workbook-classpath.txt")).trim();
            entries.addAll(List.of(text.split(java.io.File.pathSeparator)));
        }
        return List.copyOf(entries);
    }

    /** Grades the variants with the kit's VariantRunner, in one JVM whose broker stays up from one to the next. */
    private static int runInOneJvm(Path scratch, String module, List<Path> folders, List<String> classpath) throws Exception {
        Path argfile = scratch.resolve("variants-" + module + ".args");
        Files.writeString(argfile, "-cp \"" + String.join(java.io.File.pathSeparator, classpath) + "\"");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss1m", "-Xmx1g", "-Dfile.encoding=UTF-8",
                "-Djdk.attach.allowAttachSelf=true", "-XX:+EnableDynamicAgentLoading", "-Dworkbook.lang=en",
                "-Dworkbook.timings=" + Boolean.getBoolean("workbook.timings"),
                "@" + argfile, "dev.kafkaworkbook.kit.session.VariantRunner", scratch.toString(), module));
        folders.forEach(folder -> command.add(folder.toString()));
        Process runner = new ProcessBuilder(command).directory(scratch.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        return runner.waitFor();
    }

    /** Overlays one variant, grades it, restores the reference, and returns what did not end as declared. */
    private static List<String> run(Path scratch, String module, Path learnerSources, Path folder) throws Exception {
        Properties variant = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve("variant.properties"), StandardCharsets.UTF_8)) {
            variant.load(in);
        }
        boolean build = true;
        Set<String> fails = new TreeSet<>(List.of(variant.getProperty("fails", "").trim().split("\\s+")));
        fails.remove("");
        Map<Path, byte[]> originals = overlay(folder, learnerSources);
        try {
            Path log = scratch.resolve("variant-" + folder.getFileName() + ".log");
            List<String> command = new ArrayList<>(List.of("mvn", "-o", "test", "-Dworkbook.lang=en",
                    "-Dworkbook.skipKitTests=true"));
            command.addAll(build ? List.of("-pl", module + ",workbook-report", "-am")
                    : List.of("-q", "-pl", module, "-am", "-Dtest=" + variant.getProperty("grader")));
            Instant began = Instant.now().minusSeconds(1);
            long start = System.nanoTime();
            int exit = new ProcessBuilder(command).directory(scratch.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start().waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;

            List<String> problems = new ArrayList<>();
            Path grades = build ? scratch.resolve("target/grading/results.json")
                    : firstExisting(scratch.resolve(module).resolve("target/grading/partial-results.json"),
                    scratch.resolve(module).resolve("target/grading/results.json"));
            if (grades == null || !Files.exists(grades)) {
                problems.add("no grade file; see " + log);
            } else if (Files.getLastModifiedTime(grades).compareTo(FileTime.from(began)) < 0) {
                problems.add("the grade file " + grades + " is stale");
            } else {
                judge(readGrades(grades), fails, variant, log, problems);
            }
            if (build) {
                judgeBuild(exit, fails, Files.readString(log), variant, seconds, problems);
            }
            System.out.printf("%s %s/%s (%.0f s)%n", problems.isEmpty() ? "ok  " : "FAIL", module, folder.getFileName(), seconds);
            return problems;
        } finally {
            restore(originals);
        }
    }

    private static void judge(List<Graded> graded, Set<String> fails, Properties variant, Path log, List<String> problems) {
        String reason = variant.getProperty("reason");
        for (String failing : fails) {
            if (!failing.contains(":") && !failing.equals("module")
                    && graded.stream().noneMatch(g -> g.check().equals(failing))) {
                problems.add(failing + ": no such check was graded");
            }
        }
        Set<String> mayFail = new TreeSet<>(List.of(variant.getProperty("may_fail", "").trim().split("\\s+")));
        for (Graded g : graded) {
            if (mayFail.contains(g.check())) {
                continue;
            }
            boolean shouldFail = fails.contains("module") || fails.contains(g.check())
                    || fails.contains("exercise:" + g.exercise());
            if (shouldFail && g.outcome().equals("passed")) {
                problems.add(g.check() + " passed, but this answer is wrong: " + variant.getProperty("about"));
            } else if (!shouldFail && !g.outcome().equals("passed")) {
                problems.add(g.check() + " ended " + g.outcome() + ", but should pass; see " + log);
            } else if (shouldFail) {
                System.out.println("       " + g.check() + ": " + g.output().split("\\\\n")[0]);
                if (reason != null && !g.output().contains(reason)) {
                    problems.add(g.check() + " failed without saying \"" + reason + "\": " + g.output());
                }
            }
        }
    }

    /** A whole build: exit code, the last lines, and the time against the clean build. */
    private static void judgeBuild(int exit, Set<String> fails, String output, Properties variant, double seconds,
                                   List<String> problems) {
        if ((exit != 0) != !fails.isEmpty()) {
            problems.add("the build exited " + exit + (fails.isEmpty() ? ", but everything passed" : ", but checks failed"));
        }
        List<String> lines = ANSI.matcher(output).replaceAll("").lines().filter(l -> !l.isBlank()).toList();
        List<String> tail = lines.subList(Math.max(0, lines.size() - 15), lines.size());
        String last = tail.isEmpty() ? "" : tail.get(tail.size() - 1);
        if (!fails.isEmpty() && !(last.startsWith("Not done yet") && tail.stream().anyMatch(l -> l.startsWith(" Total")))) {
            problems.add("the build did not end on the total and the verdict; it ended: " + last);
        }
        if (tail.stream().anyMatch(l -> l.matches("\\s+at [\\w.$]+\\(.*"))) {
            problems.add("a stack trace in the last 15 lines");
        }
        if (Boolean.parseBoolean(variant.getProperty("baseline"))) {
            baselineSeconds = seconds;
        }
        String extra = variant.getProperty("max_extra_seconds");
        if (extra != null && baselineSeconds != null && seconds - baselineSeconds > Double.parseDouble(extra)) {
            problems.add(String.format("took %.0f s, %.0f s more than the clean build (at most %s)", seconds,
                    seconds - baselineSeconds, extra));
        }
    }

    private static List<Graded> readGrades(Path file) throws IOException {
        List<Graded> graded = new ArrayList<>();
        Matcher test = TEST.matcher(Files.readString(file));
        while (test.find()) {
            graded.add(new Graded(test.group(1), test.group(3), test.group(4), test.group(2)));
        }
        return graded;
    }

    private static Path firstExisting(Path... files) {
        for (Path file : files) {
            if (Files.exists(file)) {
                return file;
            }
        }
        return null;
    }

    /** Puts the variant's files in place of the learner's, and returns what they replaced. */
    private static Map<Path, byte[]> overlay(Path folder, Path learnerSources) throws IOException {
        Map<Path, byte[]> originals = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
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

    /** Copies a tree, leaving out build output and version control. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path relative = from.relativize(path);
                boolean skipped = false;
                for (Path part : relative) {
                    skipped |= part.toString().equals("target") || part.toString().equals(".git");
                }
                if (skipped) {
                    continue;
                }
                Path target = to.resolve(relative);
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
