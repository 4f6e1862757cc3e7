package dev.kafkaworkbook.kit.grading;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class KitTextsParityTest {

    @Test
    void spanishAndEnglishKitTextsHaveTheSameKeys() throws IOException {
        assertThat(keys("kit_es.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(keys("kit.properties").stringPropertyNames());
    }

    private static Properties keys(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(file)) {
            properties.load(in);
        }
        return properties;
    }
}
