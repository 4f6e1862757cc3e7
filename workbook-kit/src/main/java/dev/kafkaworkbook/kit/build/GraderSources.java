package dev.kafkaworkbook.kit.build;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The graders of a module as their sources declare them: {@code @Grader(exercise = …, hidden = …)} classes and
 * their {@code @Check(points = …)} methods. Read by parsing alone, so it works when nothing compiles: a module
 * that does not compile is still listed check by check, with the points it would be worth.
 */
public final class GraderSources {

    /** One declared check. */
    public record DeclaredCheck(String graderClass, String exercise, boolean hidden, String method, int points, int order) {
    }

    private GraderSources() {
    }

    public static List<DeclaredCheck> scan(List<Path> sourceRoots) {
        List<Path> files = new ArrayList<>();
        for (Path root : sourceRoots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        if (files.isEmpty()) {
            return List.of();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<DeclaredCheck> checks = new ArrayList<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, fileManager, diagnostic -> { }, List.of("-proc:none"), null,
                    fileManager.getJavaFileObjectsFromPaths(files));
            for (CompilationUnitTree unit : task.parse()) {
                String pkg = unit.getPackageName() == null ? "" : unit.getPackageName() + ".";
                for (Tree type : unit.getTypeDecls()) {
                    if (type instanceof ClassTree graderClass) {
                        collect(pkg + graderClass.getSimpleName(), graderClass, checks);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checks.sort(Comparator.comparing(DeclaredCheck::graderClass).thenComparingInt(DeclaredCheck::order));
        return checks;
    }

    private static void collect(String className, ClassTree type, List<DeclaredCheck> checks) {
        Optional<AnnotationTree> grader = annotation(type.getModifiers(), "Grader");
        if (grader.isPresent()) {
            String exercise = attribute(grader.get(), "exercise").map(String::valueOf).orElse("?");
            boolean hidden = attribute(grader.get(), "hidden").map(v -> (Boolean) v).orElse(false);
            for (Tree member : type.getMembers()) {
                if (member instanceof MethodTree method) {
                    annotation(method.getModifiers(), "Check").ifPresent(check -> checks.add(new DeclaredCheck(
                            className, exercise, hidden, method.getName().toString(),
                            attribute(check, "points").map(v -> ((Number) v).intValue()).orElse(1),
                            annotation(method.getModifiers(), "Order").flatMap(o -> attribute(o, "value"))
                                    .map(v -> ((Number) v).intValue()).orElse(Integer.MAX_VALUE))));
                }
            }
        }
        for (Tree member : type.getMembers()) {
            if (member instanceof ClassTree nested) {
                collect(className + "$" + nested.getSimpleName(), nested, checks);
            }
        }
    }

    private static Optional<AnnotationTree> annotation(ModifiersTree modifiers, String simpleName) {
        return modifiers.getAnnotations().stream().filter(a -> {
            String name = a.getAnnotationType().toString();
            return name.equals(simpleName) || name.endsWith("." + simpleName);
        }).map(a -> (AnnotationTree) a).findFirst();
    }

    /** A literal attribute of an annotation; {@code @Order(3)} has the attribute {@code value}. */
    private static Optional<Object> attribute(AnnotationTree annotation, String name) {
        for (ExpressionTree argument : annotation.getArguments()) {
            if (argument instanceof AssignmentTree assignment && assignment.getVariable().toString().equals(name)
                    && assignment.getExpression() instanceof LiteralTree literal) {
                return Optional.ofNullable(literal.getValue());
            }
            if (name.equals("value") && argument instanceof LiteralTree literal) {
                return Optional.ofNullable(literal.getValue());
            }
        }
        return Optional.empty();
    }
}
