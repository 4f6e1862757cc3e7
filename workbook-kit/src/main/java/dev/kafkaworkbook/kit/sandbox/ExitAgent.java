package dev.kafkaworkbook.kit.sandbox;

import java.lang.instrument.Instrumentation;

/**
 * The Java agent the kit attaches to its own JVM. It only hands over the {@link Instrumentation}, through the
 * system properties, so that the kit finds it whichever class loader loaded this class.
 */
public final class ExitAgent {

    static final String INSTRUMENTATION = "dev.kafkaworkbook.instrumentation";

    private ExitAgent() {
    }

    public static void agentmain(String args, Instrumentation inst) {
        System.getProperties().put(INSTRUMENTATION, inst);
    }

    public static void premain(String args, Instrumentation inst) {
        agentmain(args, inst);
    }
}
