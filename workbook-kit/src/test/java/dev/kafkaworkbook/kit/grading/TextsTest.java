package dev.kafkaworkbook.kit.grading;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextsTest {

    @Test
    void theLanguagePropertyWinsOverTheJvmLocale() {
        assertThat(Language.resolve("es", Locale.ENGLISH)).isEqualTo(new Locale("es"));
        assertThat(Language.resolve("en", new Locale("es", "ES"))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void withoutThePropertyTheJvmLocaleDecidesAndAnythingButSpanishIsEnglish() {
        assertThat(Language.resolve(null, new Locale("es", "MX"))).isEqualTo(new Locale("es"));
        assertThat(Language.resolve(" ", Locale.FRENCH)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void englishAskedOnASpanishJvmIsEnglish() {
        Locale jvm = Locale.getDefault();
        try {
            Locale.setDefault(new Locale("es", "ES"));
            assertThat(Texts.kit(Locale.ENGLISH).get("total")).isEqualTo("Total");
            assertThat(Texts.kit(Locale.ENGLISH).get("count.passed")).isEqualTo("passed");
            assertThat(Texts.kit(new Locale("es")).get("count.passed")).isEqualTo("correctas");
        } finally {
            Locale.setDefault(jvm);
        }
    }

    @Test
    void placeholdersAreFilledAndApostrophesKept() {
        assertThat(Texts.fill("it's {0} of {1}, {0}", "a", 2)).isEqualTo("it's a of 2, a");
    }

    @Test
    void aMissingKeyIsNamed() {
        assertThatThrownBy(() -> Texts.kit(Locale.ENGLISH).get("no.such.key"))
                .hasMessageContaining("no.such.key");
    }
}
