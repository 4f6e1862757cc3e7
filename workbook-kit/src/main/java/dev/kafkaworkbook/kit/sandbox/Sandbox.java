package dev.kafkaworkbook.kit.sandbox;

import java.util.Optional;

/**
 * Containment of the learner's code for the length of a grading run: exits refused ({@link ExitGuard}), output
 * captured per check ({@link OutputRouter}). Each check adds its own {@link CheckScope}, {@link LearnerCall}
 * bounds and {@link ThreadAudit}.
 */
public final class Sandbox {

    private Sandbox() {
    }

    /** @return why {@code System.exit} cannot be refused here, if it cannot (the run goes on regardless) */
    public static Optional<String> open() {
        Optional<String> problem = ExitGuard.install();
        ExitGuard.activate(true);
        OutputRouter.install();
        return problem;
    }

    public static void close() {
        ExitGuard.activate(false);
        OutputRouter.uninstall();
    }
}
