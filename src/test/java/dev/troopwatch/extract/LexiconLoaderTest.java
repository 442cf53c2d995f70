package dev.troopwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lexicon files load strictly: a malformed line fails with its file and line number. */
class LexiconLoaderTest {

    @Test
    void aLineWithTooFewFieldsNamesFileAndLine() {
        LexiconException e = assertThrows(LexiconException.class, () -> LexiconReader.read("places.txt",
                new StringReader("# header\nKursk|RU\nNiamey\n"), 2, 3));
        assertEquals("places.txt", e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("places.txt:3:"), e.getMessage());
    }

    @Test
    void anEmptyFirstFieldIsAnError() {
        LexiconException e = assertThrows(LexiconException.class, () -> LexiconReader.read("x.txt",
                new StringReader("|RU\n"), 2, 2));
        assertEquals(1, e.line());
    }

    @Test
    void aFileWithoutEntriesIsAnError() {
        assertThrows(LexiconException.class, () -> LexiconReader.read("x.txt", new StringReader("# only\n\n"), 1, 1));
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndFieldsTrimmed() {
        List<LexiconRow> rows = LexiconReader.read("x.txt", new StringReader("# c\n\n Kursk | RU \n"), 2, 3);
        assertEquals(List.of("Kursk", "RU"), rows.get(0).fields());
        assertEquals(3, rows.get(0).line());
    }

    @Test
    void theShippedLexiconsLoadAndCoverEveryCountry() {
        Lexicon lexicon = Lexicon.load();
        assertEquals("Burkina Faso", lexicon.countryName("BF"));
        assertEquals("Vanuatu", lexicon.countryName("VU"));
        assertTrue(lexicon.countryCount() >= 195, "countries: " + lexicon.countryCount());
    }
}
