package dev.kafkaworkbook.kit.grading;

import java.util.Locale;

/** The language of the feedback: {@code -Dworkbook.lang=es|en}, else the JVM's locale (Spanish or English). */
public final class Language {

    public static final String PROPERTY = "workbook.lang";

    private Language() {
    }

    public static Locale current() {
        return resolve(System.getProperty(PROPERTY), Locale.getDefault());
    }

    static Locale resolve(String requested, Locale jvmDefault) {
        String language = requested == null || requested.isBlank() ? jvmDefault.getLanguage() : requested.trim();
        return language.toLowerCase(Locale.ROOT).startsWith("es") ? new Locale("es") : Locale.ENGLISH;
    }
}
