package dev.troopwatch.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    private static final SentenceSplitter SPLITTER = SentenceSplitter.load();

    private static List<String> split(String paragraph) {
        List<TextSpan> spans = new ArrayList<>();
        SPLITTER.split(paragraph, 0, paragraph.length(), spans);
        return spans.stream().map(s -> s.of(paragraph)).toList();
    }

    @Test
    void splitsAtFullStops() {
        assertEquals(List.of("The troops left.", "They did not return."), split("The troops left. They did not return."));
    }

    @Test
    void monthAbbreviationsBeforeADayDoNotEndASentence() {
        assertEquals(List.of("The unit arrived on Feb. 27 and left on Sept. 3.", "Nobody saw it go."),
                split("The unit arrived on Feb. 27 and left on Sept. 3. Nobody saw it go."));
    }

    @Test
    void aMonthAbbreviationCanEndASentence() {
        assertEquals(List.of("The talks began in Jan.", "They ended in March."),
                split("The talks began in Jan. They ended in March."));
    }

    @Test
    void dottedAcronymsStayInsideASentence() {
        assertEquals(List.of("The U.S. Army and the U.N. mission said U.S. officials agreed."),
                split("The U.S. Army and the U.N. mission said U.S. officials agreed."));
    }

    @Test
    void aDottedAcronymEndsASentenceBeforeAnOpener() {
        assertEquals(List.of("The brigade returned to the U.S.", "It had spent nine months abroad."),
                split("The brigade returned to the U.S. It had spent nine months abroad."));
    }

    @Test
    void titlesAndRanksDoNotEndASentence() {
        assertEquals(List.of("Mr. Kim met Gen. Ortega and Lt. Col. Baker on Monday.", "Dr. Lee was absent."),
                split("Mr. Kim met Gen. Ortega and Lt. Col. Baker on Monday. Dr. Lee was absent."));
    }

    @Test
    void singleLetterAbbreviationsOfCountries() {
        assertEquals(List.of("N. Korea sent troops to help Russia, S. Korea's spy agency said."),
                split("N. Korea sent troops to help Russia, S. Korea's spy agency said."));
    }

    @Test
    void initialsAndNumbersDoNotEndASentence() {
        assertEquals(List.of("J. Smith of No. 2 Squadron said 3.5 percent of the force, about 1,200.5 troops, left."),
                split("J. Smith of No. 2 Squadron said 3.5 percent of the force, about 1,200.5 troops, left."));
    }

    @Test
    void quotesClosingAfterThePeriodBelongToTheSentence() {
        assertEquals(List.of("\"We will stay.\"", "He said it twice."), split("\"We will stay.\" He said it twice."));
        assertEquals(List.of("'We will stay.'", "He said it twice."), split("'We will stay.' He said it twice."));
    }

    @Test
    void questionAndExclamationMarks() {
        assertEquals(List.of("Will they stay?", "Nobody knows!", "The war goes on."),
                split("Will they stay? Nobody knows! The war goes on."));
    }

    @Test
    void aQuotedQuestionFollowedByLowerCaseDoesNotEnd() {
        assertEquals(List.of("\"Why now?\" he asked the general."), split("\"Why now?\" he asked the general."));
    }

    @Test
    void ellipses() {
        assertEquals(List.of("Today... marks the end of the mission."), split("Today... marks the end of the mission."));
        assertEquals(List.of("They waited...", "Then the order came."), split("They waited... Then the order came."));
    }

    @Test
    void aBracketedSentenceEndsAfterItsBracket() {
        assertEquals(List.of("The brigade moved.", "(It had been ordered to.)", "Then it stopped."),
                split("The brigade moved. (It had been ordered to.) Then it stopped."));
    }

    @Test
    void aParagraphWithoutFinalPunctuationIsOneSentence() {
        assertEquals(List.of("Troops pulled from the front"), split("Troops pulled from the front"));
    }

    @Test
    void aTruncatedLastSentenceIsKept() {
        assertEquals(List.of("The troops left on Friday.", "Most of them were"),
                split("The troops left on Friday. Most of them were"));
    }

    @Test
    void aMissingSpaceAfterAFullStopStillSplits() {
        assertEquals(List.of("The unit reached the region.", "According to officials, it stayed."),
                split("The unit reached the region.According to officials, it stayed."));
        assertEquals(List.of("Visit Example.NET for more."), split("Visit Example.NET for more."));
        assertEquals(List.of("The report was carried by News.Az on Friday."),
                split("The report was carried by News.Az on Friday."));
    }

    @Test
    void aSentenceStartingWithADigitSplits() {
        assertEquals(List.of("The army grew in 2024.", "2025 will be harder."), split("The army grew in 2024. 2025 will be harder."));
    }

    @Test
    void overlongSentencesAreCutAtASpace() {
        String huge = "word ".repeat(1000).strip();
        List<String> parts = split(huge);
        assertTrue(parts.size() >= 3);
        assertTrue(parts.stream().allMatch(p -> p.length() <= SentenceSplitter.MAX_SENTENCE_CHARS));
        assertEquals(huge.replace(" ", ""), String.join("", parts).replace(" ", ""));
    }
}
