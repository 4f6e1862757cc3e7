package dev.kafkaworkbook.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** A copy of the workbook with module 1 only, under target/, for tests that edit a learner's files. */
final class WorkbookCopy {

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private WorkbookCopy() {
    }

    /** @param solved with the reference solutions in place of the skeletons */
    static Path moduleOne(String name, boolean solved) throws IOException {
        Path copy = Files.createTempDirectory(Files.createDirectories(Path.of("target")), name + "-").toAbsolutePath();
        for (String part : List.of("pom.xml", "exercise-parent", "module-01-producer", "solutions/module-01-producer/src/main/java")) {
            copyTree(REPOSITORY.resolve(part), copy.resolve(part));
        }
        Files.writeString(copy.resolve("pom.xml"), Files.readString(copy.resolve("pom.xml"))
                .replaceAll("\\s*<module>module-0[2-9][^<]*</module>", ""));
        if (solved) {
            copyTree(copy.resolve("solutions/module-01-producer/src/main/java"), copy.resolve("module-01-producer/src/main/java"));
        }
        return copy;
    }

    static void delete(Path copy) throws IOException {
        try (Stream<Path> paths = Files.walk(copy)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.filter(p -> !isBuildOutput(from.relativize(p))).toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Whether {@code relative} lies in a build's output folder (judged inside the tree: the copy itself is under target/). */
    private static boolean isBuildOutput(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals("target")) {
                return true;
            }
        }
        return false;
    }
}
