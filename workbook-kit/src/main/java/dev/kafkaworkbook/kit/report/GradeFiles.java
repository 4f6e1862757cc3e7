package dev.kafkaworkbook.kit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where grades are written, relative to a module (or, for the whole workbook, to the root): {@code results.json}
 * after a run of every grader, {@code partial-results.json} after a run of some (one exercise from the IDE, or
 * {@code -Dtest=…}), and the scorecard as text. A build deletes them first, so none is ever stale.
 */
public final class GradeFiles {

    public static final Path DIR = Path.of("target", "grading");
    public static final Path RESULTS = DIR.resolve("results.json");
    public static final Path PARTIAL = DIR.resolve("partial-results.json");
    public static final Path SCORECARD = DIR.resolve("scorecard.txt");

    private GradeFiles() {
    }

    /** Deletes the grade files under {@code base} (a module or the workbook root). */
    public static void clear(Path base) {
        for (Path file : new Path[]{RESULTS, PARTIAL, SCORECARD}) {
            delete(base.resolve(file));
        }
        Path classroom = base.resolve(ClassroomResults.DIR);
        if (Files.isDirectory(classroom)) {
            try (java.util.stream.Stream<Path> files = Files.list(classroom)) {
                files.forEach(GradeFiles::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the old grade file " + file, e);
        }
    }

    public static void writeText(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
