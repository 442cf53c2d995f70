package dev.troopwatch.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class CountryNamesTest {

    @Test
    void bundledTableNamesTheCodesSituationsUse() {
        CountryNames names = CountryNames.load();
        assertEquals("North Korea", names.nameOf("KP"));
        assertEquals("Russia", names.nameOf("RU"));
        assertEquals("United Nations", names.nameOf("UN"));
        assertEquals("QQ", names.nameOf("QQ"), "an unknown code shows as itself");
        assertTrue(names.asMap().size() > 240);
    }

    @Test
    void malformedLineFailsNamingFileAndLine() {
        String text = "# header\nKP\tNorth Korea\nRU Russia\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CountryNames.parse(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "countries.tsv"));
        assertTrue(e.getMessage().startsWith("countries.tsv:3:"), e.getMessage());
    }

    @Test
    void duplicateCodeFails() {
        String text = "KP\tNorth Korea\nKP\tDPRK\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CountryNames.parse(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "countries.tsv"));
        assertTrue(e.getMessage().contains(":2: duplicate code KP"), e.getMessage());
    }
}
