package dev.kafkaworkbook.kit.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The public face of compiled classes: every public type, and its public and protected constructors, methods and
 * fields, written as {@code toGenericString()} does. The skeletons and the reference solutions must have the same
 * one: the graders compile against both, and a learner must be able to write what the solution wrote.
 */
public final class PublicApi {

    private PublicApi() {
    }

    /** The declarations of the public types compiled into {@code classes}, loaded with {@code classpath}. */
    public static Set<String> of(Path classes, List<String> classpath) {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(classes.toUri().toURL());
            for (String entry : classpath) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        Set<String> api = new TreeSet<>();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), PublicApi.class.getClassLoader().getParent());
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.')
                        .replaceAll("\\.class$", "");
                describe(Class.forName(name, false, loader), api);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("Could not load the compiled classes of " + classes + ": " + e, e);
        }
        return api;
    }

    private static void describe(Class<?> type, Set<String> api) {
        if (!Modifier.isPublic(type.getModifiers()) || type.isAnonymousClass() || type.isSynthetic()) {
            return;
        }
        String owner = type.getName() + ": ";
        api.add(owner + type.toGenericString() + " extends " + type.getGenericSuperclass()
                + " implements " + List.of(type.getGenericInterfaces()));
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (visible(constructor.getModifiers())) {
                api.add(owner + constructor.toGenericString());
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (visible(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
                api.add(owner + method.toGenericString());
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (visible(field.getModifiers()) && !field.isSynthetic()) {
                api.add(owner + field.toGenericString());
            }
        }
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }
}
