package dev.kafkaworkbook.kit.sandbox;

import com.sun.tools.attach.VirtualMachine;

/**
 * Attaches the kit's agent to another JVM: the fallback when a JVM may not attach to itself (started without
 * {@code -Djdk.attach.allowAttachSelf=true}, as some IDEs do). Usage: {@code AttachHelper <pid> <agent jar>}.
 */
public final class AttachHelper {

    private AttachHelper() {
    }

    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgent(args[1]);
        } finally {
            vm.detach();
        }
    }
}
