package dev.kafkaworkbook.kit.tools;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code System.out} or {@code System.err} while tools run in this JVM: what a tool's threads print goes to its
 * run's stream, everything else where it went before. Other threads (a grader running beside, a broker) are
 * neither captured nor lost.
 */
final class ScopedOutput extends OutputStream {

    private final PrintStream others;
    private final Function<ToolScope, OutputStream> ofTool;

    private ScopedOutput(PrintStream others, Function<ToolScope, OutputStream> ofTool) {
        this.others = others;
        this.ofTool = ofTool;
    }

    /** Routes {@code System.out} and {@code System.err} through tool scopes, unless they already are. */
    static synchronized void install() {
        if (!(System.out instanceof Routed)) {
            System.setOut(new Routed(new ScopedOutput(System.out, ToolScope::out)));
        }
        if (!(System.err instanceof Routed)) {
            System.setErr(new Routed(new ScopedOutput(System.err, ToolScope::err)));
        }
    }

    /**
     * The stream beneath {@code stream} if it is an installed router: a run told to print "to System.out" prints to
     * the console, rather than back into itself.
     */
    static OutputStream beneath(OutputStream stream) {
        return stream instanceof Routed routed ? routed.router.others : stream;
    }

    private OutputStream target() {
        Optional<ToolScope> scope = ToolScope.current();
        return scope.isPresent() ? ofTool.apply(scope.get()) : others;
    }

    @Override
    public void write(int b) throws java.io.IOException {
        target().write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
        target().write(bytes, offset, length);
    }

    @Override
    public void flush() throws java.io.IOException {
        target().flush();
    }

    /** The print stream that tells an installed router from any other. */
    private static final class Routed extends PrintStream {
        private final ScopedOutput router;

        Routed(ScopedOutput router) {
            super(router, true, StandardCharsets.UTF_8);
            this.router = router;
        }
    }
}
