package dev.kafkaworkbook.kit.sandbox;

import java.io.PrintStream;

/** The build's console, whatever a check's code did to {@code System.out}: for the kit's own lines. */
public final class Console {

    private Console() {
    }

    public static PrintStream out() {
        return OutputRouter.console();
    }
}
