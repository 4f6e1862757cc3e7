package dev.kafkaworkbook.kit.sandbox;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Routes what is printed on {@code System.out} and {@code System.err} during grading: output from a check's
 * threads goes to that check's {@link CapturedOutput} (shown, bounded, with its feedback), the rest to the
 * console. A learner's println loop can neither flood the build output nor drown the scorecard.
 */
final class OutputRouter extends OutputStream {

    private static PrintStream consoleOut;
    private static PrintStream consoleErr;

    private final PrintStream console;

    private OutputRouter(PrintStream console) {
        this.console = console;
    }

    static synchronized void install() {
        if (consoleOut != null) {
            return;
        }
        consoleOut = System.out;
        consoleErr = System.err;
        System.setOut(new PrintStream(new OutputRouter(consoleOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new OutputRouter(consoleErr), true, StandardCharsets.UTF_8));
    }

    static synchronized void uninstall() {
        if (consoleOut == null) {
            return;
        }
        System.setOut(consoleOut);
        System.setErr(consoleErr);
        consoleOut = null;
        consoleErr = null;
    }

    /** The real console, for the kit's own progress lines and scorecard. */
    static synchronized PrintStream console() {
        return consoleOut != null ? consoleOut : System.out;
    }

    @Override
    public void write(int b) {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        Optional<CheckScope> scope = CheckScope.current();
        if (scope.isPresent()) {
            scope.get().output().write(bytes, offset, length);
        } else {
            console.write(bytes, offset, length);
        }
    }

    @Override
    public void flush() {
        if (CheckScope.current().isEmpty()) {
            console.flush();
        }
    }
}
