package dev.kafkaworkbook.kit.learner;

import java.util.Map;

/**
 * What runs in a {@link ChildJvm}: a public class with a public no-argument constructor, typically nested in the
 * grader, that builds the learner's code and runs it until the JVM dies. It reports what happens through
 * {@link Context#report}, which survives the crash, and crashes the JVM with {@link Context#crash} where the check
 * wants it to die.
 */
public interface ChildProgram {

    void run(Context context) throws Exception;

    /** The child's side of the conversation with the check. */
    interface Context {

        /** The arguments the check passed to {@link ChildJvm#start}. */
        Map<String, String> args();

        /**
         * Appends one line to the child's report, written straight to the operating system (no buffer in this JVM),
         * so that a line reported before a crash is there after it.
         */
        void report(String line);

        /**
         * Waits until the check {@linkplain ChildJvm#signal signals} {@code name}, at most {@code within}: a child
         * started early (a JVM takes a second or two) then acts when the check is ready for it.
         *
         * @return whether the signal came in time
         */
        boolean awaitSignal(String name, java.time.Duration within);

        /**
         * Ends this JVM at once, as a power cut or {@code kill -9} would: no {@code finally}, no shutdown hook, no
         * {@code close()}, no LeaveGroup. The broker learns of it only when the member's session expires.
         */
        void crash();
    }
}
