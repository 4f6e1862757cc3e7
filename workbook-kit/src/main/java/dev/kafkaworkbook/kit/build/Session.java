package dev.kafkaworkbook.kit.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Maven build a step runs in: its projects in build order (from {@code ${session.projects}}), when it started,
 * and the {@code -Dtest=…} filter, if any (a partial run). The last project of the build is the one that ends it on
 * the verdict.
 */
record Session(List<Project> projects, Optional<Instant> started, Optional<String> testFilter) {

    static final String EXERCISE_PARENT = "workbook-exercise-parent";

    /** One project of the build: {@code MavenProject: group:artifact:version @ /path/pom.xml}. */
    record Project(String artifactId, Path directory) {

        /** An exercise module: its POM names the exercise parent. */
        boolean isExerciseModule() {
            try {
                String pom = Files.readString(directory.resolve("pom.xml"));
                int start = pom.indexOf("<parent>");
                int end = pom.indexOf("</parent>");
                return start >= 0 && end > start
                        && pom.substring(start, end).contains("<artifactId>" + EXERCISE_PARENT + "</artifactId>");
            } catch (IOException unreadable) {
                return false;
            }
        }
    }

    static Session from(BuildArgs args) {
        List<Project> projects = new ArrayList<>();
        for (String item : args.list("session")) {
            int colon = item.indexOf(':');
            int at = item.lastIndexOf(" @ ");
            if (colon < 0 || at < 0) {
                continue;
            }
            String[] coordinates = item.substring(colon + 1, at).trim().split(":");
            if (coordinates.length >= 2) {
                Path pom = Path.of(item.substring(at + 3).trim());
                projects.add(new Project(coordinates[1], pom.toAbsolutePath().getParent()));
            }
        }
        return new Session(List.copyOf(projects), args.marked("started").flatMap(Session::parseMavenDate),
                args.marked("test"));
    }

    /** Maven renders {@code ${session.startTime}} with {@code Date.toString()}: {@code Fri Nov 27 12:09:50 UTC 2026}. */
    static Optional<Instant> parseMavenDate(String value) {
        try {
            return Optional.of(new SimpleDateFormat("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ROOT).parse(value).toInstant());
        } catch (ParseException unparsable) {
            return Optional.empty();
        }
    }

    boolean isLast(String artifactId) {
        return !projects.isEmpty() && projects.get(projects.size() - 1).artifactId().equals(artifactId);
    }

    List<Project> exerciseModules() {
        return projects.stream().filter(Project::isExerciseModule).toList();
    }

    /** Was {@code file} written during this build? (Maven's start time has whole seconds.) */
    boolean isFresh(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        if (started.isEmpty()) {
            return true;
        }
        try {
            return !Files.getLastModifiedTime(file).toInstant().isBefore(started.get().minusSeconds(1));
        } catch (IOException e) {
            return false;
        }
    }
}
