package dev.kafkaworkbook.kit.grading;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Localised texts from the resource bundle named after a class: {@code KeyedPublishingGrader.properties}
 * (English) and {@code KeyedPublishingGrader_es.properties} (Spanish) beside the grader. Values may hold
 * placeholders {@code {0}}, {@code {1}}…, replaced by the arguments as they are; unlike {@code MessageFormat},
 * an apostrophe is just an apostrophe.
 */
public final class Texts {

    private final ResourceBundle bundle;
    private final String owner;

    private Texts(ResourceBundle bundle, String owner) {
        this.bundle = bundle;
        this.owner = owner;
    }

    public static Texts of(Class<?> owner) {
        return of(owner, Language.current());
    }

    public static Texts of(Class<?> owner, Locale locale) {
        return load(owner.getName(), owner.getClassLoader(), locale);
    }

    /** The texts of the bundle {@code baseName} (a grader's class name) as {@code loader} finds them, if any. */
    public static Optional<Texts> find(String baseName, ClassLoader loader) {
        try {
            return Optional.of(load(baseName, loader, Language.current()));
        } catch (IllegalStateException missing) {
            return Optional.empty();
        }
    }

    /** The kit's own texts: scorecard labels and the frame around every feedback message. */
    public static Texts kit() {
        return kit(Language.current());
    }

    public static Texts kit(Locale locale) {
        return load("dev.kafkaworkbook.kit.grading.kit", Texts.class.getClassLoader(), locale);
    }

    private static Texts load(String baseName, ClassLoader loader, Locale locale) {
        try {
            // No fallback to the JVM's locale: English asked on a Spanish machine must give English.
            ResourceBundle bundle = ResourceBundle.getBundle(baseName, locale, loader,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return new Texts(bundle, baseName);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No feedback texts for " + baseName + ": add "
                    + baseName.replace('.', '/') + ".properties (and _es.properties) to the resources.", e);
        }
    }

    /** The text for {@code key}, formatted with {@code args}. A missing key is a grader defect, said plainly. */
    public String get(String key, Object... args) {
        return find(key, args).orElseThrow(() -> new IllegalStateException(
                "Missing text '" + key + "' in the bundle of " + owner));
    }

    public Optional<String> find(String key, Object... args) {
        if (!bundle.containsKey(key)) {
            return Optional.empty();
        }
        return Optional.of(fill(bundle.getString(key), args));
    }

    static String fill(String pattern, Object... args) {
        String text = pattern;
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }
}
