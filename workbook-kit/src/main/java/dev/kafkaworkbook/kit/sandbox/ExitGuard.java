package dev.kafkaworkbook.kit.sandbox;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Keeps {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} from ending the JVM while checks run.
 * The SecurityManager that once did this is gone from Java 24 on, so the kit attaches an agent to its own JVM and
 * rewrites {@code java.lang.Runtime}: both methods first ask a hook, kept in the system properties (the bootstrap
 * class loader sees no kit class). While grading, the hook refuses with a {@link LearnerExit} thrown where the
 * learner's code called it, and records the attempt against the check it belongs to. Surefire's own exit at the
 * end of the run, and any exit outside grading, go through.
 */
public final class ExitGuard {

    static final String HOOK = "dev.kafkaworkbook.exitGuard";

    private static volatile boolean active;
    private static Optional<String> installed;

    private ExitGuard() {
    }

    /** Installs the guard once per JVM; empty when it works, else why not (the run goes on unguarded). */
    public static synchronized Optional<String> install() {
        if (installed == null) {
            installed = tryInstall();
        }
        return installed;
    }

    /** Turns refusals on while checks run, off before the test JVM exits on its own. */
    public static void activate(boolean on) {
        active = on;
    }

    private static Optional<String> tryInstall() {
        try {
            Instrumentation instrumentation = instrumentation();
            System.getProperties().put(HOOK, (IntConsumer) ExitGuard::refuse);
            RuntimeRewriter rewriter = new RuntimeRewriter();
            instrumentation.addTransformer(rewriter, true);
            try {
                instrumentation.retransformClasses(Runtime.class);
            } finally {
                instrumentation.removeTransformer(rewriter);
            }
            return rewriter.rewritten ? Optional.empty() : Optional.of("java.lang.Runtime could not be rewritten");
        } catch (Exception | LinkageError e) {
            System.getProperties().remove(HOOK);
            return Optional.of(String.valueOf(e));
        }
    }

    private static void refuse(int status) {
        if (!active || Thread.currentThread().getName().startsWith("surefire-forkedjvm")) {
            return;
        }
        LearnerExit exit = new LearnerExit(status, "System.exit");
        CheckScope.current().ifPresent(scope -> scope.exitAttempted(exit));
        throw exit;
    }

    private static Instrumentation instrumentation() throws Exception {
        Object existing = System.getProperties().get(ExitAgent.INSTRUMENTATION);
        if (existing instanceof Instrumentation instrumentation) {
            return instrumentation;
        }
        Path jar = agentJar();
        String pid = String.valueOf(ProcessHandle.current().pid());
        try {
            com.sun.tools.attach.VirtualMachine vm = com.sun.tools.attach.VirtualMachine.attach(pid);
            try {
                vm.loadAgent(jar.toString());
            } finally {
                vm.detach();
            }
        } catch (IOException | com.sun.tools.attach.AttachNotSupportedException selfAttachRefused) {
            // Started without -Djdk.attach.allowAttachSelf=true: let a helper process attach instead.
            attachFromHelperProcess(pid, jar);
        }
        Object attached = System.getProperties().get(ExitAgent.INSTRUMENTATION);
        if (attached instanceof Instrumentation instrumentation) {
            return instrumentation;
        }
        throw new IllegalStateException("the agent did not start");
    }

    private static void attachFromHelperProcess(String pid, Path jar) throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process helper = new ProcessBuilder(java, "-cp", jar.toString(), AttachHelper.class.getName(), pid, jar.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!helper.waitFor(20, TimeUnit.SECONDS)) {
            helper.destroyForcibly();
            throw new IllegalStateException("attaching the agent took more than 20 s");
        }
    }

    /** A jar holding the agent and the attach helper, with the manifest the JVM asks of an agent. */
    private static Path agentJar() throws IOException {
        Path jar = Files.createTempFile("workbook-agent-", ".jar");
        jar.toFile().deleteOnExit();
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Agent-Class", ExitAgent.class.getName());
        main.putValue("Premain-Class", ExitAgent.class.getName());
        main.putValue("Can-Retransform-Classes", "true");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Class<?> type : new Class<?>[]{ExitAgent.class, AttachHelper.class}) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream bytes = type.getClassLoader().getResourceAsStream(entry)) {
                    bytes.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * Inserts at the start of {@code Runtime.exit(int)} and {@code Runtime.halt(int)}:
     * <pre>{@code
     * Object hook = System.getProperties().get(HOOK);
     * if (hook instanceof IntConsumer) ((IntConsumer) hook).accept(status);
     * }</pre>
     */
    private static final class RuntimeRewriter implements ClassFileTransformer {

        volatile boolean rewritten;

        @Override
        public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                                ProtectionDomain domain, byte[] bytes) {
            if (!"java/lang/Runtime".equals(className)) {
                return null;
            }
            ClassReader reader = new ClassReader(bytes);
            ClassWriter writer = new ClassWriter(reader, 0);
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                    boolean guarded = ("exit".equals(name) || "halt".equals(name)) && "(I)V".equals(descriptor);
                    return guarded ? new HookCall(method) : method;
                }
            }, ClassReader.EXPAND_FRAMES);
            rewritten = true;
            return writer.toByteArray();
        }
    }

    private static final class HookCall extends MethodVisitor {

        private static final Object[] LOCALS = {"java/lang/Runtime", Opcodes.INTEGER};

        HookCall(MethodVisitor method) {
            super(Opcodes.ASM9, method);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            Label noHook = new Label();
            Label done = new Label();
            super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "getProperties", "()Ljava/util/Properties;", false);
            super.visitLdcInsn(HOOK);
            super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/util/Properties", "get", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
            super.visitInsn(Opcodes.DUP);
            super.visitTypeInsn(Opcodes.INSTANCEOF, "java/util/function/IntConsumer");
            super.visitJumpInsn(Opcodes.IFEQ, noHook);
            super.visitTypeInsn(Opcodes.CHECKCAST, "java/util/function/IntConsumer");
            super.visitVarInsn(Opcodes.ILOAD, 1);
            super.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/function/IntConsumer", "accept", "(I)V", true);
            super.visitJumpInsn(Opcodes.GOTO, done);
            super.visitLabel(noHook);
            super.visitFrame(Opcodes.F_NEW, 2, LOCALS, 1, new Object[]{"java/lang/Object"});
            super.visitInsn(Opcodes.POP);
            super.visitLabel(done);
            super.visitFrame(Opcodes.F_NEW, 2, LOCALS, 0, new Object[0]);
            // Should the original code start with a frame of its own, it must not share this one's offset.
            super.visitInsn(Opcodes.NOP);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(Math.max(maxStack, 3), maxLocals);
        }
    }
}
