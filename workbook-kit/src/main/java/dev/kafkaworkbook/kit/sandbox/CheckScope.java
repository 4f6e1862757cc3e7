package dev.kafkaworkbook.kit.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The threads of one running check. The check's body runs in this thread group, so every thread it starts, the
 * learner's included (an executor, a consumer loop, a client's I/O thread), belongs to the group too: what the
 * learner's code does can be told apart from the rest of the JVM, attributed to its check, and audited when the
 * check ends.
 */
public final class CheckScope extends ThreadGroup {

    private final String exercise;
    private final String check;
    private final List<LearnerExit> exits = new CopyOnWriteArrayList<>();
    private final CapturedOutput output = new CapturedOutput();

    public CheckScope(String exercise, String check) {
        super(KitThreads.ROOT, "workbook " + exercise + " " + check);
        this.exercise = exercise;
        this.check = check;
    }

    public String exercise() {
        return exercise;
    }

    public String check() {
        return check;
    }

    /** The scope {@code thread} runs in, if it belongs to a check. */
    public static Optional<CheckScope> of(Thread thread) {
        for (ThreadGroup group = thread.getThreadGroup(); group != null; group = group.getParent()) {
            if (group instanceof CheckScope scope) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    public static Optional<CheckScope> current() {
        return of(Thread.currentThread());
    }

    /** Exits the learner's code attempted during this check (each was refused). */
    public List<LearnerExit> exits() {
        return List.copyOf(exits);
    }

    void exitAttempted(LearnerExit exit) {
        exits.add(exit);
    }

    public CapturedOutput output() {
        return output;
    }

    /** Live threads of this check, its own runner excepted. */
    public List<Thread> liveThreads(Thread except) {
        Thread[] threads = new Thread[activeCount() + 16];
        int count = enumerate(threads, true);
        List<Thread> live = new ArrayList<>(Arrays.asList(threads).subList(0, count));
        live.removeIf(t -> t == except || !t.isAlive());
        return live;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        // A learner thread that dies of an exception is the learner's business; the check judges what happened.
        // A refused exit is already recorded; anything else goes to the check's captured output, not the console.
        if (!(error instanceof LearnerExit)) {
            output.append("Exception in thread \"" + thread.getName() + "\" " + error + "\n");
        }
    }
}
