package dev.kafkaworkbook.cli;

import dev.kafkaworkbook.kit.grading.Texts;
import dev.kafkaworkbook.kit.report.Progress;
import dev.kafkaworkbook.kit.session.Course;
import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The watch loop: a warm {@link WorkerProcess} grades the current exercise whenever a learner file is saved, and the
 * loop moves on to the next exercise once it passes. Everything it does happens on one thread, in order: a save,
 * a key, a verdict. The events of one save are one grading; saves that arrive while a grading runs are folded into
 * one more grading.
 */
final class WatchLoop implements AutoCloseable {

    /** What started a grading, to tell the learner. */
    interface WorkerFactory {
        WorkerProcess start() throws IOException;
    }

    /** Editors save in steps (truncate and write, or write and rename): changes this close together are one save. */
    private static final long SAVE_SETTLES_MS = 50;

    private final Path root;
    private final Course course;
    private final Texts texts;
    private final PrintStream out;
    private final WorkerFactory workers;
    private final ScheduledExecutorService events = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "watch-events");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean gradingRequested = new AtomicBoolean();
    private final List<Consumer<WorkerProcess.Result>> listeners = new ArrayList<>();
    private WorkerProcess worker;
    private DirectoryWatcher watcher;
    private Course.Exercise current;
    private volatile boolean finished;
    private boolean moveOnWhenPassed = true;

    WatchLoop(Path root, Texts texts, PrintStream out, WorkerFactory workers) {
        this.root = root;
        this.course = Course.of(root);
        this.texts = texts;
        this.out = out;
        this.workers = workers;
    }

    /** Called after each grading, on the loop's thread (for tests and benchmarks). */
    void onResult(Consumer<WorkerProcess.Result> listener) {
        listeners.add(listener);
    }

    /** Starts watching the learner's sources and grades the exercise to start with. */
    Future<?> start(Optional<String> exercise) throws IOException {
        current = exercise.flatMap(course::find).orElseGet(this::firstUnfinished);
        List<Path> sources = new ArrayList<>();
        for (String module : Course.modules(root)) {
            for (String folder : List.of("src/main/java", "src/given/java")) {
                Path path = root.resolve(module).resolve(folder);
                if (Files.isDirectory(path)) {
                    sources.add(path);
                }
            }
        }
        watcher = DirectoryWatcher.builder().paths(sources).listener(this::changed).fileHashing(true).build();
        watcher.watchAsync();
        out.println(texts.get("watch.watching", sources.size()));
        return events.submit(this::gradeCurrent);
    }

    private Course.Exercise firstUnfinished() {
        Progress progress = Progress.load(root);
        return course.exercises().stream()
                .filter(e -> progress.of(e.id()).map(p -> p.status() != Progress.Status.PASSED).orElse(true))
                .findFirst().orElse(course.exercises().get(0));
    }

    private void changed(DirectoryChangeEvent event) {
        if (event.path() == null || !event.path().toString().endsWith(".java") || event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
            return;
        }
        if (gradingRequested.compareAndSet(false, true)) {
            events.schedule(this::gradeRequested, SAVE_SETTLES_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Changes after this point ask for one more grading, which runs after this one. */
    private void gradeRequested() {
        gradingRequested.set(false);
        gradeCurrent();
    }

    /** A key pressed in the watch loop's terminal. */
    Future<?> key(int key) {
        return events.submit(() -> {
            switch (Character.toLowerCase((char) key)) {
                case 'h' -> HintCommand.show(root, texts, current.id(), false, out);
                case 'l' -> ListCommand.print(root, texts, out);
                case 'r' -> gradeCurrent();
                case 'n' -> course.after(current.id()).ifPresent(next -> {
                    current = next;
                    gradeCurrent();
                });
                case 'q' -> finished = true;
                default -> out.println(texts.get("watch.keys"));
            }
        });
    }

    /** A benchmark grades the same exercise again and again: it stays on it once passed. */
    void stayOnPassedExercises() {
        moveOnWhenPassed = false;
    }

    /** Grades {@code id} from now on. */
    Future<?> select(String id) {
        return events.submit(() -> {
            current = course.find(id).orElseThrow();
            gradeCurrent();
        });
    }

    boolean finished() {
        return finished;
    }

    Course.Exercise current() {
        return current;
    }

    private void gradeCurrent() {
        if (!finished) {
            grade();
        }
    }

    private void grade() {
        out.println(texts.get("watch.grading", current.title()));
        Optional<WorkerProcess.Result> result;
        try {
            if (worker == null || !worker.alive()) {
                out.println(texts.get(worker == null ? "watch.worker.starting" : "watch.worker.restarting"));
                worker = workers.start();
            }
            result = worker.grade(current.module(), current.id());
        } catch (IOException e) {
            out.println(texts.get("watch.worker.failed", e.getMessage()));
            worker = null;
            return;
        }
        if (result.isEmpty()) {
            out.println(texts.get("watch.worker.died"));
            worker.close();
            worker = null;
            return;
        }
        WorkerProcess.Result verdict = result.get();
        listeners.forEach(listener -> listener.accept(verdict));
        if (verdict.poisoned()) {
            out.println(texts.get("watch.worker.poisoned"));
            worker.close();
            worker = null;
        }
        if (verdict.passed() && moveOnWhenPassed) {
            Optional<Course.Exercise> next = course.after(current.id());
            if (next.isEmpty()) {
                out.println(texts.get("watch.allDone", current.title()));
                return;
            }
            out.println(texts.get("watch.passed", current.title(), next.get().title()));
            current = next.get();
            grade();
            return;
        }
        out.println(texts.get(verdict.compiled() ? "watch.notYet" : "watch.compileError", current.title(),
                verdict.points(), verdict.max()));
        out.println(texts.get("watch.keys"));
    }

    @Override
    public void close() {
        finished = true;
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException ignored) {
            // Stopping anyway.
        }
        events.shutdown();
        try {
            events.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker != null) {
            worker.close();
        }
    }
}
