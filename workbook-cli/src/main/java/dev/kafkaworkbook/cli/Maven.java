package dev.kafkaworkbook.cli;

import java.util.Locale;

/** The {@code mvn} command of this machine. */
final class Maven {

    private Maven() {
    }

    static String executable() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win") ? "mvn.cmd" : "mvn";
    }
}
