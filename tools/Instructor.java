import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The instructor's commands (run through the scripts beside this file):
 * <ul>
 *   <li>{@code learner-copy <dir> [--allow-uncommitted]}: the workbook as learners get it, as a git repository;</li>
 *   <li>{@code grade-submission <folder|zip|git bundle|git URL> [--out <dir>]}: a learner's code graded with this
 *       workbook's pristine build, kit and graders, the hidden ones included;</li>
 *   <li>{@code solution-branch [name]}: a branch where the modules hold the reference solutions;</li>
 *   <li>{@code gradescope-bundle [zip]}: Gradescope's autograder zip (setup.sh, run_autograder, this workbook).</li>
 * </ul>
 * One file on purpose: {@code java tools/Instructor.java} runs it with nothing but a JDK.
 */
public class Instructor {

    /** What stays with the instructors: reference solutions, hidden graders and variants, CI, maintainer tools and docs. */
    static final List<String> INSTRUCTOR_ONLY = List.of("solutions/", ".ci/", "tools/", "docs/adding-an-exercise.md");
    /** Lines between these markers in a README are for instructors, and left out of the learner's copy. */
    static final Pattern INSTRUCTOR_SECTION = Pattern.compile(
            "[ \\t]*<!-- instructor -->.*?<!-- /instructor -->[ \\t]*\\R?", Pattern.DOTALL);
    static final String EXERCISE_PARENT = "<artifactId>workbook-exercise-parent</artifactId>";
    static final Duration BUILD_LIMIT = Duration.ofMinutes(25);

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("workbook.root", ".")).toAbsolutePath().normalize();
        List<String> rest = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        switch (args.length == 0 ? "" : args[0]) {
            case "learner-copy" -> LearnerCopy.command(root, rest);
            case "grade-submission" -> GradeSubmission.command(root, rest);
            case "solution-branch" -> SolutionBranch.command(root, rest);
            case "gradescope-bundle" -> GradescopeBundle.command(root, rest);
            default -> fail("usage: java tools/Instructor.java learner-copy|grade-submission|solution-branch|gradescope-bundle …");
        }
    }

    // ------------------------------------------------------------------------------------------ learner copy

    static final class LearnerCopy {

        static void command(Path root, List<String> args) throws Exception {
            List<String> positional = args.stream().filter(a -> !a.startsWith("--")).toList();
            if (positional.size() != 1) {
                fail("usage: tools/learner-copy <empty target directory> [--allow-uncommitted]");
            }
            boolean uncommitted = args.contains("--allow-uncommitted");
            Path target = Path.of(positional.get(0)).toAbsolutePath().normalize();
            if (Files.exists(target) && !isEmptyDir(target)) {
                fail(target + " is not empty: give a new or empty directory.");
            }
            String dirty = git(root, "status", "--porcelain").strip();
            if (!dirty.isEmpty() && !uncommitted) {
                fail("The workbook has uncommitted changes, which a copy made from the last commit would leave out:\n"
                        + dirty.lines().limit(10).map(l -> "  " + l).reduce((a, b) -> a + "\n" + b).orElse("")
                        + "\nCommit them first, or run again with --allow-uncommitted to copy the working tree as it is.");
            }
            List<String> files = learnerFiles(root, uncommitted);
            write(root, files, target);
            List<String> modules = exerciseModules(root);
            Path workflow = target.resolve(".github/workflows/classroom.yml");
            Files.createDirectories(workflow.getParent());
            Files.writeString(workflow, classroomWorkflow(modules));
            git(target, "init", "-q", "-b", "main");
            git(target, "add", "-A");
            git(target, "-c", "user.name=Kafka Workbook", "-c", "user.email=workbook@localhost",
                    "commit", "-q", "-m", "Kafka Workbook: learner copy");
            System.out.println("Learner copy written to " + target + ": a git repository with one commit, "
                    + (files.size() + 1) + " files, modules " + modules + ".");
            System.out.println("Left out: solutions/ (reference code, hidden graders, variants), .ci/, tools/, "
                    + "docs/adding-an-exercise.md, and the instructor sections of the READMEs.");
            System.out.println("Added: .github/workflows/classroom.yml (GitHub Classroom grades every push, points per module).");
            System.out.println("Check it: (cd " + target + " && mvn test)   every check says TODO (not started).");
        }

        /** The files of the learner's copy: committed (or, when asked, the working tree's), minus instructor material. */
        static List<String> learnerFiles(Path root, boolean workingTree) throws Exception {
            String listing;
            if (!Files.exists(root.resolve(".git"))) {
                // A workbook without its history (the Gradescope bundle): its files as they are.
                StringBuilder all = new StringBuilder();
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                            .filter(f -> !GradeSubmission.ignored(f)).forEach(f -> all.append(f).append('\n'));
                }
                listing = all.toString();
            } else {
                listing = workingTree ? git(root, "ls-files", "-co", "--exclude-standard")
                        : git(root, "ls-tree", "-r", "--name-only", "HEAD");
            }
            List<String> files = new ArrayList<>();
            for (String file : listing.lines().toList()) {
                if (!file.isBlank() && INSTRUCTOR_ONLY.stream().noneMatch(file::startsWith)
                        && Files.isRegularFile(root.resolve(file))) {
                    files.add(file);
                }
            }
            return files;
        }

        /** Copies the files, READMEs without their instructor sections. */
        static void write(Path root, List<String> files, Path target) throws IOException {
            for (String file : files) {
                Path to = target.resolve(file);
                Files.createDirectories(to.getParent());
                if (file.endsWith(".md")) {
                    Files.writeString(to, learnerText(Files.readString(root.resolve(file))));
                } else {
                    Files.copy(root.resolve(file), to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }

        static String learnerText(String markdown) {
            return INSTRUCTOR_SECTION.matcher(markdown).replaceAll("");
        }

        /** GitHub Classroom: grade on push, one runner result per module, shown by Classroom's reporter. */
        static String classroomWorkflow(List<String> modules) {
            StringBuilder yaml = new StringBuilder("""
                    # Grades every push with the workbook's own graders and reports the points per module to GitHub Classroom.
                    name: Autograding Tests
                    'on':
                      - push
                      - workflow_dispatch
                      - repository_dispatch
                    permissions:
                      checks: write
                      actions: read
                      contents: read
                    jobs:
                      run-autograding-tests:
                        runs-on: ubuntu-latest
                        if: github.actor != 'github-classroom[bot]'
                        timeout-minutes: 30
                        steps:
                          - name: Checkout code
                            uses: actions/checkout@v4
                          - name: Java 17
                            uses: actions/setup-java@v4
                            with:
                              distribution: temurin
                              java-version: '17'
                              cache: maven
                          - name: Grade (mvn test)
                            continue-on-error: true
                            run: mvn -B test -Dworkbook.lang=en
                          - name: Points per module
                            id: grades
                            run: |
                              for module in %s; do
                                file=target/grading/classroom/$module.json
                                if [ -f "$file" ]; then echo "$module=$(base64 -w0 "$file")" >> "$GITHUB_OUTPUT"
                                else echo "$module=$(printf '{"version":1,"status":"error","max_score":0,"tests":[]}' | base64 -w0)" >> "$GITHUB_OUTPUT"; fi
                              done
                          - name: Autograding Reporter
                            uses: classroom-resources/autograding-grading-reporter@v1
                            env:
                    """.formatted(String.join(" ", modules)));
            for (String module : modules) {
                yaml.append("          ").append(module.toUpperCase()).append("_RESULTS: \"${{ steps.grades.outputs.")
                        .append(module).append(" }}\"\n");
            }
            yaml.append("        with:\n          runners: ").append(String.join(",", modules)).append('\n');
            return yaml.toString();
        }
    }

    // ------------------------------------------------------------------------------------------ grading a submission

    static final class GradeSubmission {

        static void command(Path root, List<String> args) throws Exception {
            String source = null;
            Path out = Path.of("submission-grade");
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).equals("--out") && i + 1 < args.size()) {
                    out = Path.of(args.get(++i));
                } else if (source == null) {
                    source = args.get(i);
                } else {
                    fail("usage: tools/grade-submission <folder | .zip | git bundle | git URL> [--out <dir>]");
                }
            }
            if (source == null) {
                fail("usage: tools/grade-submission <folder | .zip | git bundle | git URL> [--out <dir>]");
            }
            out = out.toAbsolutePath().normalize();
            Files.createDirectories(out);
            Path work = Files.createTempDirectory("workbook-grading-");
            Path submission = materialize(source, work.resolve("submission"));
            Path grading = work.resolve("workbook");
            copyTree(root, grading);
            List<String> modules = exerciseModules(root);
            List<String> notes = new ArrayList<>();
            for (String module : modules) {
                Path learner = findModule(submission, module).map(m -> m.resolve("src/main/java")).orElse(null);
                if (learner == null || !Files.isDirectory(learner)) {
                    notes.add(module + ": not in the submission; graded as the untouched skeleton (every check not started).");
                    continue;
                }
                Path target = grading.resolve(module).resolve("src/main/java");
                deleteTree(target);
                copyTree(learner, target);
            }
            List<String> changed = changedFiles(root, submission, modules);
            if (!changed.isEmpty()) {
                notes.add("Files outside your code that differ from the workbook you were given (graded with the"
                        + " original ones): " + String.join(", ", changed));
            }
            System.out.println("Grading " + source + " in " + grading);
            notes.forEach(note -> System.out.println("  " + note));
            Path log = out.resolve("build.log");
            Process mvn = new ProcessBuilder("mvn", "-B", "test", "-Pinstructor", "-Dworkbook.lang=en")
                    .directory(grading.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = mvn.waitFor(BUILD_LIMIT.toMinutes(), TimeUnit.MINUTES);
            if (!finished) {
                mvn.descendants().forEach(ProcessHandle::destroyForcibly);
                mvn.destroyForcibly().waitFor();
                notes.add("The build did not finish within " + BUILD_LIMIT.toMinutes() + " minutes and was stopped;"
                        + " modules without a grade by then got none.");
            }
            Path results = grading.resolve("target/grading/results.json");
            String json = Files.exists(results) && finished ? Files.readString(results)
                    : fallbackResults(grading, modules, notes);
            json = withNotes(json, notes);
            Files.writeString(out.resolve("results.json"), json);
            Path card = grading.resolve("target/grading/scorecard.txt");
            List<String> cards = new ArrayList<>();
            for (String module : modules) {
                Path moduleCard = grading.resolve(module).resolve("target/grading/scorecard.txt");
                if (Files.exists(moduleCard)) {
                    cards.add(Files.readString(moduleCard));
                }
            }
            String scorecard = String.join("\n", cards) + (Files.exists(card) ? Files.readString(card) : "");
            Files.writeString(out.resolve("scorecard.txt"), String.join("\n", notes) + (notes.isEmpty() ? "" : "\n") + scorecard);
            Files.writeString(out.resolve("changes.txt"), changed.isEmpty() ? "none\n" : String.join("\n", changed) + "\n");
            deleteTree(work);
            Matcher score = Pattern.compile("\"score\"\\s*:\\s*(\\d+)\\s*,\\s*\"max_score\"\\s*:\\s*(\\d+)").matcher(json);
            System.out.println("Graded: " + (score.find() ? score.group(1) + " / " + score.group(2) + " points" : "no score")
                    + "; written " + out.resolve("results.json") + ", scorecard.txt, changes.txt, build.log");
        }

        /** A folder as it is; a zip unpacked; anything else (a bundle file, a URL) cloned with git. */
        static Path materialize(String source, Path into) throws Exception {
            Path path = Path.of(source);
            if (Files.isDirectory(path)) {
                return path.toAbsolutePath().normalize();
            }
            Files.createDirectories(into);
            if (Files.isRegularFile(path) && source.toLowerCase().endsWith(".zip")) {
                unzip(path, into);
            } else {
                git(into.getParent(), "clone", "-q", source, into.toString());
            }
            return into;
        }

        /** The module's folder in the submission, at its root or one level down (a zip of the repository's folder). */
        static Optional<Path> findModule(Path submission, String module) throws IOException {
            if (Files.isDirectory(submission.resolve(module))) {
                return Optional.of(submission.resolve(module));
            }
            try (Stream<Path> children = Files.list(submission)) {
                return children.map(child -> child.resolve(module)).filter(Files::isDirectory).findFirst();
            }
        }

        /** Files of the learner's copy that the submission changed, added or removed, the learner's own code aside. */
        static List<String> changedFiles(Path root, Path submission, List<String> modules) throws Exception {
            Path base = submission;
            Optional<Path> nested = findModule(submission, modules.get(0));
            if (nested.isPresent()) {
                base = nested.get().getParent();
            }
            Set<String> handout = new TreeSet<>(LearnerCopy.learnerFiles(root, true));
            Set<String> submitted = new TreeSet<>();
            Path from = base;
            try (Stream<Path> files = Files.walk(base)) {
                files.filter(Files::isRegularFile).map(f -> from.relativize(f).toString().replace('\\', '/'))
                        .filter(f -> !ignored(f)).forEach(submitted::add);
            }
            List<String> changed = new ArrayList<>();
            for (String file : new TreeSet<>(union(handout, submitted))) {
                if (isLearnerCode(file, modules) || file.startsWith(".github/")) {
                    continue;
                }
                if (!submitted.contains(file)) {
                    changed.add(file + " (deleted)");
                } else if (!handout.contains(file)) {
                    changed.add(file + " (added)");
                } else if (!sameContent(root.resolve(file), base.resolve(file))) {
                    changed.add(file + " (changed)");
                }
            }
            return changed;
        }

        static boolean isLearnerCode(String file, List<String> modules) {
            return modules.stream().anyMatch(m -> file.startsWith(m + "/src/main/java/"));
        }

        static boolean ignored(String file) {
            return file.startsWith(".git/") || file.contains("/target/") || file.startsWith("target/")
                    || file.startsWith(".idea/") || file.startsWith(".vscode/") || file.endsWith(".iml")
                    || file.endsWith(".DS_Store") || file.startsWith(".settings/") || file.equals(".classpath")
                    || file.equals(".project") || file.contains("/.settings/");
        }

        static boolean sameContent(Path a, Path b) throws IOException {
            if (a.toString().endsWith(".md")) {
                return LearnerCopy.learnerText(Files.readString(a)).equals(Files.readString(b));
            }
            return Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
        }

        /**
         * The workbook's grade when the build stopped before the total: each module's fresh grade file, and for the
         * others their checks at 0 from the module's journal if any, else a single line that says why.
         */
        static String fallbackResults(Path grading, List<String> modules, List<String> notes) throws IOException {
            List<String> tests = new ArrayList<>();
            int score = 0;
            int max = 0;
            for (String module : modules) {
                Path results = grading.resolve(module).resolve("target/grading/results.json");
                if (Files.exists(results)) {
                    String json = Files.readString(results);
                    Matcher totals = Pattern.compile("\"score\"\\s*:\\s*(\\d+)\\s*,\\s*\"max_score\"\\s*:\\s*(\\d+)").matcher(json);
                    if (totals.find()) {
                        score += Integer.parseInt(totals.group(1));
                        max += Integer.parseInt(totals.group(2));
                    }
                    int start = json.indexOf("\"tests\"");
                    int open = json.indexOf('[', start);
                    int close = json.lastIndexOf(']');
                    if (start >= 0 && open > 0 && close > open && !json.substring(open + 1, close).isBlank()) {
                        tests.add(json.substring(open + 1, close).strip());
                    }
                } else {
                    tests.add("{\"name\": \"" + module + " was not graded\", \"score\": 0, \"status\": \"failed\","
                            + " \"output\": \"The build stopped before this module was graded.\", \"visibility\": \"visible\"}");
                }
            }
            return "{\n  \"score\": " + score + ",\n  \"max_score\": " + max + ",\n  \"output\": \"\",\n"
                    + "  \"visibility\": \"visible\",\n  \"tests\": [" + String.join(",\n", tests) + "]\n}\n";
        }

        /** The notes (changed files, missing modules, a build stopped) go first in the output every learner sees. */
        static String withNotes(String json, List<String> notes) {
            if (notes.isEmpty()) {
                return json;
            }
            String text = String.join("\n", notes) + "\n";
            Matcher output = Pattern.compile("\"output\"\\s*:\\s*\"").matcher(json);
            if (!output.find()) {
                return json;
            }
            return json.substring(0, output.end()) + escape(text) + json.substring(output.end());
        }

        static String escape(String text) {
            StringBuilder escaped = new StringBuilder();
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> escaped.append("\\\"");
                    case '\\' -> escaped.append("\\\\");
                    case '\n' -> escaped.append("\\n");
                    case '\r' -> escaped.append("\\r");
                    case '\t' -> escaped.append("\\t");
                    default -> escaped.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            return escaped.toString();
        }
    }

    // ------------------------------------------------------------------------------------------ solution branch

    static final class SolutionBranch {

        static void command(Path root, List<String> args) throws Exception {
            String branch = args.isEmpty() ? "solution" : args.get(0);
            Path tree = Files.createTempDirectory("workbook-solution-branch-");
            Files.delete(tree);
            git(root, "worktree", "add", "-q", "--detach", tree.toString(), "HEAD");
            try {
                for (String module : exerciseModules(root)) {
                    Path solved = tree.resolve("solutions").resolve(module).resolve("src/main/java");
                    if (Files.isDirectory(solved)) {
                        Path learner = tree.resolve(module).resolve("src/main/java");
                        deleteTree(learner);
                        copyTree(solved, learner);
                    }
                }
                git(tree, "add", "-A");
                String newTree = git(tree, "write-tree").strip();
                String head = git(root, "rev-parse", "HEAD").strip();
                Optional<String> existing = optionalGit(root, "rev-parse", "--verify", "-q", "refs/heads/" + branch);
                if (existing.isPresent() && git(root, "rev-parse", existing.get() + "^{tree}").strip().equals(newTree)) {
                    System.out.println("Branch " + branch + " already holds the reference solutions of " + abbrev(head)
                            + ": nothing to do.");
                    return;
                }
                List<String> commit = new ArrayList<>(List.of("-c", "user.name=Kafka Workbook", "-c",
                        "user.email=workbook@localhost", "commit-tree", newTree, "-p", head));
                existing.ifPresent(tip -> commit.addAll(List.of("-p", tip)));
                commit.addAll(List.of("-m", "Reference solutions in place of the skeletons (from " + abbrev(head) + ")"));
                String created = git(tree, commit.toArray(String[]::new)).strip();
                git(root, "update-ref", "refs/heads/" + branch, created);
                System.out.println((existing.isPresent() ? "Updated" : "Created") + " branch " + branch + " at "
                        + abbrev(created) + ": " + abbrev(head) + " with the reference solutions in place of the skeletons.");
                System.out.println("There, mvn test grades the solutions: every check passes.");
            } finally {
                git(root, "worktree", "remove", "--force", tree.toString());
            }
        }

        private static String abbrev(String sha) {
            return sha.length() > 9 ? sha.substring(0, 9) : sha;
        }
    }

    // ------------------------------------------------------------------------------------------ Gradescope bundle

    static final class GradescopeBundle {

        static void command(Path root, List<String> args) throws Exception {
            Path zip = Path.of(args.isEmpty() ? "gradescope-autograder.zip" : args.get(0)).toAbsolutePath().normalize();
            Path staging = Files.createTempDirectory("workbook-gradescope-");
            copyTree(root, staging.resolve("workbook"));
            Files.copy(root.resolve("tools/gradescope/setup.sh"), staging.resolve("setup.sh"));
            Files.copy(root.resolve("tools/gradescope/run_autograder"), staging.resolve("run_autograder"));
            Files.deleteIfExists(zip);
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
                 Stream<Path> files = Files.walk(staging)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = staging.relativize(file).toString().replace('\\', '/');
                    out.putNextEntry(new ZipEntry(name));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
            System.out.println("Gradescope autograder written to " + zip + " (" + Files.size(zip) / 1024 + " KiB):"
                    + " setup.sh, run_autograder and the workbook. Upload it as the assignment's autograder, on the"
                    + " Ubuntu 24.04 base image.");
        }
    }

    // ------------------------------------------------------------------------------------------ shared

    /** The exercise modules, in build order: the root pom's modules whose own pom names the exercise parent. */
    static List<String> exerciseModules(Path root) throws IOException {
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(root.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (module.find()) {
            Path pom = root.resolve(module.group(1)).resolve("pom.xml");
            if (Files.exists(pom) && parentSection(Files.readString(pom)).contains(EXERCISE_PARENT)) {
                modules.add(module.group(1));
            }
        }
        return modules;
    }

    static String parentSection(String pom) {
        int start = pom.indexOf("<parent>");
        int end = pom.indexOf("</parent>");
        return start >= 0 && end > start ? pom.substring(start, end) : "";
    }

    static String git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (git.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed in " + dir + ":\n" + output);
        }
        return output;
    }

    static Optional<String> optionalGit(Path dir, String... args) throws Exception {
        try {
            String output = git(dir, args).strip();
            return output.isEmpty() ? Optional.empty() : Optional.of(output);
        } catch (IllegalStateException absent) {
            return Optional.empty();
        }
    }

    /** Copies a tree, leaving out build output and version control. */
    static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (!dir.equals(from) && (name.equals("target") || name.equals(".git"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }

    static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("A zip entry points outside the folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static boolean isEmptyDir(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.findAny().isEmpty();
        }
    }

    static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
