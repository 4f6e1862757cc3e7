package dev.kafkaworkbook.kit.build;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Compiles one exercise module, the learner's code and then the graders, with the JDK's compiler API, so that a
 * compile error is a result the kit can report (file, line, message) instead of a build that stops. Skips the
 * work when no source, class path entry or option changed since the last successful compilation.
 */
public final class ModuleCompiler {

    /** One source tree to compile: its roots, class path and output directory. */
    public record Unit(List<Path> sourceRoots, List<String> classpath, Path output) {
    }

    /** The first error of a failed compilation, and everything javac said, formatted as javac prints it. */
    public record Failure(boolean inGraders, Path file, long line, String message, String report) {
    }

    private static final int SHOWN_ERRORS = 10;

    private final Path root;
    private final String release;

    public ModuleCompiler(Path root, String release) {
        this.root = root;
        this.release = release;
    }

    /**
     * @return empty when both units compiled (or were up to date); else the first failure, the graders' unit
     * marked as such (learner code that changed a given signature breaks the graders, not itself)
     */
    public Optional<Failure> compile(Unit learner, Unit graders, Path fingerprintFile) {
        String fingerprint = fingerprint(learner, graders);
        if (Files.isRegularFile(fingerprintFile) && fingerprint.equals(read(fingerprintFile))) {
            return Optional.empty();
        }
        delete(fingerprintFile);
        Optional<Failure> failure = compile(learner, false).or(() -> compile(graders, true));
        if (failure.isEmpty()) {
            write(fingerprintFile, fingerprint);
        }
        return failure;
    }

    /** One unit alone, skipped when up to date. */
    public Optional<Failure> compile(Unit unit, Path fingerprintFile) {
        String fingerprint = fingerprint(unit);
        if (Files.isRegularFile(fingerprintFile) && fingerprint.equals(read(fingerprintFile))) {
            return Optional.empty();
        }
        delete(fingerprintFile);
        Optional<Failure> failure = compile(unit, false);
        if (failure.isEmpty()) {
            write(fingerprintFile, fingerprint);
        }
        return failure;
    }

    private Optional<Failure> compile(Unit unit, boolean graders) {
        List<Path> sources = javaFiles(unit.sourceRoots());
        deleteClassFiles(unit.output());
        if (sources.isEmpty()) {
            return Optional.empty();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("No Java compiler in " + System.getProperty("java.home")
                    + ": run Maven with a JDK, not a JRE.");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            Files.createDirectories(unit.output());
            List<String> options = List.of("--release", release, "-g", "-encoding", "UTF-8", "-proc:none",
                    "-implicit:none", "-nowarn", "-Xlint:none", "-Xmaxerrs", "100",
                    "-d", unit.output().toString(), "-classpath", String.join(java.io.File.pathSeparator, unit.classpath()));
            boolean compiled = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (compiled) {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        if (errors.isEmpty()) {
            return Optional.of(new Failure(graders, null, 0, "javac failed without reporting an error", ""));
        }
        Diagnostic<? extends JavaFileObject> first = errors.get(0);
        StringBuilder report = new StringBuilder();
        errors.stream().limit(SHOWN_ERRORS).forEach(error -> report.append(format(error)));
        if (errors.size() > SHOWN_ERRORS) {
            report.append("… ").append(errors.size() - SHOWN_ERRORS).append(" more\n");
        }
        report.append(errors.size()).append(errors.size() == 1 ? " error\n" : " errors\n");
        return Optional.of(new Failure(graders, first.getSource() == null ? null : relative(first.getSource()),
                first.getLineNumber(), firstLine(first.getMessage(null)), report.toString()));
    }

    /** As javac prints it: {@code path:line: error: message}, the source line, and a caret under the column. */
    private String format(Diagnostic<? extends JavaFileObject> error) {
        StringBuilder text = new StringBuilder();
        if (error.getSource() != null) {
            text.append(relative(error.getSource())).append(':').append(error.getLineNumber()).append(": ");
        }
        text.append("error: ").append(error.getMessage(null)).append('\n');
        if (error.getSource() != null && error.getLineNumber() > 0) {
            try {
                String line = Files.readAllLines(Path.of(error.getSource().toUri()), StandardCharsets.UTF_8)
                        .get((int) error.getLineNumber() - 1);
                text.append(line).append('\n');
                if (error.getColumnNumber() > 0) {
                    StringBuilder caret = new StringBuilder();
                    for (int i = 0; i < error.getColumnNumber() - 1 && i < line.length(); i++) {
                        caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
                    }
                    text.append(caret).append("^\n");
                }
            } catch (IOException | IndexOutOfBoundsException | IllegalArgumentException unreadable) {
                // The message and position are what matter; the excerpt is a courtesy.
            }
        }
        return text.toString();
    }

    private Path relative(JavaFileObject source) {
        Path file = Path.of(source.toUri()).toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        return file.startsWith(base) ? base.relativize(file) : file;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** What the outputs depend on: options, class path, and every source file's path, size and modification time. */
    private String fingerprint(Unit... units) {
        StringBuilder inputs = new StringBuilder(release).append('\n');
        for (Unit unit : units) {
            inputs.append(unit.output()).append('\n').append(unit.classpath()).append('\n');
            for (Path source : javaFiles(unit.sourceRoots())) {
                try {
                    inputs.append(source).append(' ').append(Files.size(source)).append(' ')
                            .append(Files.getLastModifiedTime(source).toMillis()).append('\n');
                } catch (IOException e) {
                    inputs.append(source).append(" ?\n");
                }
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(inputs.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> javaFiles(List<Path> roots) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }

    /** Classes of sources since deleted or renamed must not survive into the next run. */
    private static void deleteClassFiles(Path output) {
        if (!Files.isDirectory(output)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(output)) {
            walk.filter(p -> p.toString().endsWith(".class")).forEach(ModuleCompiler::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
