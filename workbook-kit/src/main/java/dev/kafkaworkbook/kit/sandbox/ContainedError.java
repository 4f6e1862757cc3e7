package dev.kafkaworkbook.kit.sandbox;

/**
 * A {@link VirtualMachineError} (out of memory, stack overflow) thrown by the learner's code, carried as an
 * ordinary exception: JUnit stops the whole run on a bare {@code OutOfMemoryError}, and one exercise must not cost
 * the others. The verdict reports the error it carries.
 */
public final class ContainedError extends RuntimeException {

    ContainedError(VirtualMachineError error) {
        super(error.toString(), error, false, false);
    }

    public VirtualMachineError error() {
        return (VirtualMachineError) getCause();
    }
}
