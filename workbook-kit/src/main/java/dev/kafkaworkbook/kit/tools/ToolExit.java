package dev.kafkaworkbook.kit.tools;

/**
 * Unwinds a tool's thread from where it called {@code Exit.exit}, once the runner has taken its status: in a
 * process of its own the tool would have ended there. Without a stack trace: nothing shows it.
 */
final class ToolExit extends RuntimeException {

    ToolExit(int status) {
        super("exit " + status, null, false, false);
    }
}
