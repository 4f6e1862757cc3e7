package dev.kafkaworkbook.cli;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the {@code workbook} scripts start: reads the class path Maven wrote beside the launcher's jar
 * ({@code target/launcher/classpath.txt}) and runs {@link Workbook} on it. A command line holding a hundred jars would
 * be too long for Windows' {@code cmd}; a file is not. Uses no class beyond the JDK's.
 */
public final class Launcher {

    /** Exit status when the class path names a file that is gone (a {@code mvn clean}): the scripts rebuild. */
    static final int OUT_OF_DATE = 75;

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path classpath = jar.resolveSibling("launcher").resolve("classpath.txt");
        List<URL> urls = new ArrayList<>();
        urls.add(jar.toUri().toURL());
        for (String entry : Files.readString(classpath, StandardCharsets.UTF_8).trim().split(java.io.File.pathSeparator)) {
            Path file = Path.of(entry);
            if (!Files.exists(file)) {
                System.err.println("./workbook is out of date (" + file + " is gone): building it again.");
                Files.deleteIfExists(classpath);
                System.exit(OUT_OF_DATE);
            }
            urls.add(file.toUri().toURL());
        }
        // The platform loader as parent: every class of the workbook and of Kafka comes from this one loader.
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        try {
            loader.loadClass(Workbook.class.getName()).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
