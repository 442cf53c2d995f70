package dev.troopwatch.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.ingest.RawArticle;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleNormaliserTest {
    static final ArticleNormaliser NORMALISER = ArticleNormaliser.withDefaultRules();
    static final Instant PUBLISHED = Instant.parse("2025-02-27T00:00:00Z");
    static final String STORY = "The army moved two brigades to the northern border on Monday, officials said.";
    static final String SECOND = "The deployment is the largest in a decade, according to the defence ministry.";

    static NormalisedArticle normalise(String headline, String body) {
        return normalise(headline, body, null);
    }

    static NormalisedArticle normalise(String headline, String body, String source) {
        return NORMALISER.normalise(new RawArticle("t-1", null, source, headline, null, "en", body), PUBLISHED);
    }

    /** Body paragraphs (the headline, paragraph 0, left out). */
    static List<String> body(NormalisedArticle article) {
        return article.paragraphs().stream().skip(1).map(p -> p.of(article.text())).toList();
    }

    static List<String> sentences(NormalisedArticle article) {
        return article.sentences().stream().map(s -> s.of(article.text())).toList();
    }

    static String paragraphs(String... paragraphs) {
        return String.join("\n\n", paragraphs);
    }

    @Test
    void textIsHeadlineBlankLineAndParagraphs() {
        NormalisedArticle a = normalise("Brigades move north", paragraphs(STORY, SECOND));
        assertEquals("Brigades move north\n\n" + STORY + "\n\n" + SECOND, a.text());
        assertEquals(List.of(STORY, SECOND), body(a));
        assertEquals("Brigades move north", a.paragraphs().get(0).of(a.text()));
        assertEquals("t-1", a.id());
        assertEquals(PUBLISHED, a.published());
    }

    @Test
    void nullFieldsBecomeEmptyText() {
        NormalisedArticle a = NORMALISER.normalise(new RawArticle(null, null, null, null, null, null, null), null);
        assertEquals("", a.text());
        assertEquals(1, a.paragraphs().size());
        assertTrue(a.sentences().isEmpty());
        assertTrue(a.id().startsWith("h-"));
        assertEquals(0, a.leadEnd());
    }

    @Test
    void foldsTypographicQuotesDashesAndSpaces() {
        NormalisedArticle a = normalise("\u201CWe will stay\u201D \u2013 general",
                "The general\u2019s staff\u00A0said the 10\u201312 units were \u2018ready\u2019\u2014and waiting\u2009now.");
        assertEquals("\"We will stay\" - general", a.headline());
        assertEquals(List.of("The general's staff said the 10-12 units were 'ready' - and waiting now."), body(a));
    }

    @Test
    void curlyQuotesGluedToWordsGetTheirSpaceBack() {
        NormalisedArticle a = normalise("", "He said it was\u201Cclear\u201Dthat troops would stay.");
        assertEquals(List.of("He said it was \"clear\" that troops would stay."), body(a));
    }

    @Test
    void aDatelineBelongsToTheFirstSentence() {
        NormalisedArticle a = normalise("Brigade leaves", "ANKARA, March 3. /TASS/. The brigade left the base. It did not return.");
        assertEquals(List.of("ANKARA, March 3. /TASS/. The brigade left the base.", "It did not return."),
                sentences(a).subList(1, 3));
    }

    @Test
    void appliesNfkcAndDropsZeroWidthCharacters() {
        NormalisedArticle a = normalise("", "The \uFB01rst con\u00ADvoy of \uFF11\uFF10 trucks left\u200B the base\u2026 on time.");
        assertEquals(List.of("The first convoy of 10 trucks left the base... on time."), body(a));
    }

    @Test
    void foldsCyrillicLookalikesInsideLatinWords() {
        NormalisedArticle a = normalise("Launch at the \u0421osmodrome", "Troops guarded the \u0421osm\u043Edrome on Friday "
                + "near the town the locals call \u0421\u0432\u043E\u0431\u043E\u0434\u043D\u044B\u0439.");
        assertEquals("Launch at the Cosmodrome", a.headline());
        assertEquals(List.of("Troops guarded the Cosmodrome on Friday near the town the locals call "
                + "\u0421\u0432\u043E\u0431\u043E\u0434\u043D\u044B\u0439."), body(a));
    }

    @Test
    void foldsGreekLookalikesButKeepsGreekWords() {
        NormalisedArticle a = normalise("", "The \u039Aremlin spokesman quoted the word \u03BF\u03C7\u03B9 twice.");
        assertEquals(List.of("The Kremlin spokesman quoted the word \u03BF\u03C7\u03B9 twice."), body(a));
    }

    @Test
    void collapsesWhitespaceInsideParagraphs() {
        NormalisedArticle a = normalise("  Two   brigades \t move ", "  The army   moved\t two brigades.  \r\n\r\n  " + SECOND);
        assertEquals("Two brigades move", a.headline());
        assertEquals(List.of("The army moved two brigades.", SECOND), body(a));
    }

    @Test
    void singleNewlinesSeparateParagraphsWhenLinesAreComplete() {
        NormalisedArticle a = normalise("", STORY + "\n" + SECOND);
        assertEquals(List.of(STORY, SECOND), body(a));
    }

    @Test
    void hardWrappedLinesAreJoinedIntoOneParagraph() {
        String wrapped = "The army moved two brigades to the\nnorthern border on Monday, officials\nsaid on state television.";
        NormalisedArticle a = normalise("", wrapped + "\n\n" + SECOND);
        assertEquals(List.of("The army moved two brigades to the northern border on Monday, officials said on state "
                + "television.", SECOND), body(a));
    }

    @Test
    void aParagraphBrokenMidSentenceByTheLayoutIsRejoined() {
        NormalisedArticle a = normalise("", paragraphs(STORY, "The ministry said earlier it", "had sent engineers."));
        assertEquals(List.of(STORY, "The ministry said earlier it had sent engineers."), body(a));
    }

    @Test
    void dropsNewsletterAndFollowPrompts() {
        NormalisedArticle a = normalise("Brigades move north", paragraphs("Sign up now: Get our daily briefing in your inbox",
                STORY, "Follow topic:", "Subscribe", SECOND, "Support The Moscow Times!"));
        assertEquals(List.of(STORY, SECOND), body(a));
    }

    @Test
    void dropsShareRowsAndAdvertisements() {
        NormalisedArticle a = normalise("", paragraphs("Share", "Facebook Twitter WhatsApp Email", STORY,
                "Advertisement", SECOND, "Copy link", "Follow our coverage of the region at https://example.org/region"));
        assertEquals(List.of(STORY, SECOND), body(a));
    }

    @Test
    void dropsRelatedListsWithTheirItems() {
        NormalisedArticle a = normalise("", paragraphs(STORY, SECOND, "Read also:",
                "Border talks stall for a third week", "Ministry names new commander", "See more on"));
        assertEquals(List.of(STORY, SECOND), body(a));
    }

    @Test
    void aRelatedListStopsAtTheNextRealParagraph() {
        NormalisedArticle a = normalise("", paragraphs(STORY, "Related", "Border talks stall", SECOND));
        assertEquals(List.of(STORY, SECOND), body(a));
    }

    @Test
    void dropsInlineReadMoreLinks() {
        NormalisedArticle a = normalise("", paragraphs(STORY, "Read more: Border talks stall for a third week", SECOND));
        assertEquals(List.of(STORY, SECOND), body(a));
    }

    @Test
    void dropsFilePhotoCaptions() {
        NormalisedArticle a = normalise("", paragraphs("FILE PHOTO: Soldiers board a transport plane at an air base, "
                + "June 3, 2024. REUTERS/Jane Doe/File Photo", STORY));
        assertEquals(List.of(STORY), body(a));
    }

    @Test
    void aParagraphFollowedByAPhotoCreditIsACaption() {
        NormalisedArticle a = normalise("", paragraphs("Soldiers board a transport plane at an air base in June.",
                "PHOTO: REUTERS", STORY, SECOND));
        assertEquals(List.of(STORY, SECOND), body(a));
    }

    @Test
    void aCreditAfterTheDatelineParagraphDoesNotTakeTheLead() {
        NormalisedArticle a = normalise("", paragraphs("SEOUL - " + STORY, "PHOTO: REUTERS", SECOND));
        assertEquals(List.of("SEOUL - " + STORY, SECOND), body(a));
    }

    @Test
    void captionsEndingInACreditAreDropped() {
        NormalisedArticle a = normalise("", paragraphs("Soldiers board a plane at the base. (AP Photo/Jane Doe)", STORY,
                "A convoy leaves the capital on Friday. Pic/AFP", "Tanks on a train near the border. Getty Images",
                "The defence minister, left, meets his counterpart. Defence Ministry / TASS", SECOND));
        assertEquals(List.of(STORY, SECOND), body(a));
    }

    @Test
    void aCaptionRepeatedLaterInTheBodyKeepsTheBodyCopy() {
        String caption = "More than 5,000 troops were sent to the region last year to guard the frontier.";
        NormalisedArticle a = normalise("", paragraphs(caption, "Photo: Getty Images", STORY, caption, SECOND));
        assertEquals(List.of(STORY, caption, SECOND), body(a));
    }

    @Test
    void repeatedParagraphsKeepTheFirstCopy() {
        NormalisedArticle a = normalise("", paragraphs(STORY, SECOND, STORY));
        assertEquals(List.of(STORY, SECOND), body(a));
    }

    @Test
    void aHeadlineRepeatedAsFirstBodyLineIsDropped() {
        NormalisedArticle a = normalise("Army sends two brigades north", "Army sends two brigades north\n" + STORY);
        assertEquals(List.of(STORY), body(a));
        assertEquals("Army sends two brigades north", a.headline());
    }

    @Test
    void aStoryPlacedAfterItsRepeatedHeadlineIsPutBackInOrder() {
        String end = "Officials expect the brigades to stay at least until the spring.";
        NormalisedArticle a = normalise("Army sends two brigades north", paragraphs(end, "Army sends two brigades north",
                STORY, SECOND));
        assertEquals(List.of(STORY, SECOND, end), body(a));
        assertEquals(a.text().indexOf(STORY) + STORY.length(), a.leadEnd());
    }

    @Test
    void aHeadlineRepeatedAsALinkAtTheEndChangesNothing() {
        NormalisedArticle a = normalise("Army sends two brigades north", paragraphs(STORY, SECOND,
                "Army sends two brigades north"));
        assertEquals(List.of(STORY, SECOND), body(a));
    }

    @Test
    void wireTagsLeaveTheHeadline() {
        assertEquals("Army sends two brigades north", normalise("(LEAD) Army sends two brigades north", STORY).headline());
        assertEquals("Army sends two brigades north", normalise("(2nd LD) Army sends two brigades north", STORY).headline());
        assertEquals("Army sends two brigades north", normalise("UPDATE 2-Army sends two brigades north", STORY).headline());
        assertEquals("Army sends two brigades north", normalise("EXCLUSIVE-Army sends two brigades north", STORY).headline());
        assertEquals("Analysis of the border deployment", normalise("Analysis of the border deployment", STORY).headline());
    }

    @Test
    void dropsBylines() {
        NormalisedArticle a = normalise("", paragraphs("By AFP", STORY, "By Jane Q. Doe and Ravi Kumar", SECOND,
                "By Sam Roe | Updated: 5 March 2025"));
        assertEquals(List.of(STORY, SECOND), body(a));
    }

    @Test
    void dropsContributorLinesAndSourceCredits() {
        NormalisedArticle a = normalise("", paragraphs(STORY, SECOND, "Example Wire writer Jane Doe in Lagos contributed to "
                + "this report.", "Source: Example News and news agencies"));
        assertEquals(List.of(STORY, SECOND), body(a));
    }

    @Test
    void keepsSentencesThatOnlyStartWithBy() {
        String by = "By Friday, the last soldiers had left the base.";
        NormalisedArticle a = normalise("", paragraphs(STORY, by));
        assertEquals(List.of(STORY, by), body(a));
    }

    @Test
    void dropsAgencySignOffsAndCopyright() {
        NormalisedArticle a = normalise("", paragraphs(STORY, SECOND, "AFP", "(Reporting by Jane Doe; Editing by Sam Roe)",
                "Copyright 2025 Example Media. All rights reserved.", "Enditem", "jdoe@example.org", "(END)"));
        assertEquals(List.of(STORY, SECOND), body(a));
        assertEquals("AFP", a.agency());
    }

    @Test
    void stripsBoilerplateFusedOntoTheLastParagraph() {
        NormalisedArticle a = normalise("", paragraphs(STORY, SECOND + " AFP See more on"));
        assertEquals(List.of(STORY, SECOND), body(a));
        assertEquals("AFP", a.agency());
        NormalisedArticle b = normalise("", paragraphs(STORY, SECOND + " - Reuters"));
        assertEquals(List.of(STORY, SECOND), body(b));
        assertEquals("Reuters", b.agency());
    }

    @Test
    void keepsAnAgencyNamedAtTheEndOfARealSentence() {
        String told = "The figure was confirmed by a ministry official who spoke to AFP";
        NormalisedArticle a = normalise("", paragraphs(STORY, told));
        assertEquals(List.of(STORY, told), body(a));
    }

    @Test
    void dateTimeAndKickerLinesAreDropped() {
        NormalisedArticle a = normalise("", paragraphs("WORLD", "Sun. Sep 8th, 2024", "July 17, 2025", "Example Times :",
                "First published on Tue 4 Mar 2025 10.12 GMT", "Updated: 5 March 2025, 09:30", STORY));
        assertEquals(List.of(STORY), body(a));
    }

    @Test
    void datelineWithDashKeepsTheTextAndRecordsThePlace() {
        NormalisedArticle a = normalise("", "SEOUL \u2013 " + STORY);
        assertEquals("SEOUL", a.dateline());
        assertEquals(List.of("SEOUL - " + STORY), body(a));
        assertNull(a.agency());
    }

    @Test
    void datelineVariants() {
        assertDateline("WASHINGTON: " + STORY, "WASHINGTON", null);
        assertDateline("KYIV (AP) \u2014 " + STORY, "KYIV", "AP");
        assertDateline("MOSCOW, Nov 5 (Reuters) - " + STORY, "MOSCOW", "Reuters");
        assertDateline("BAMAKO, Mali (AP) \u2014 " + STORY, "BAMAKO", "AP");
        assertDateline("NEW DELHI, Dec. 2 (Xinhua) -- " + STORY, "NEW DELHI", "Xinhua");
        assertDateline("ANKARA, March 3. /TASS/. " + STORY, "ANKARA", "TASS");
        assertDateline("Seoul: " + STORY, "Seoul", null);
        assertDateline("PYONGYANG (dpa-AFX) - " + STORY, "PYONGYANG", "dpa");
        assertDateline("ISLAMABAD, March 4 (Yonhap) -- " + STORY, "ISLAMABAD", "Yonhap");
        assertDateline("Nov. 9 (UPI) \u2014 " + STORY, null, "UPI");
        assertDateline("Kabul, Dec 17 " + STORY, "Kabul", null);
        assertDateline("(Reuters) - " + STORY, null, "Reuters");
        assertDateline("KHARKIV, Ukraine, Oct 5 (Reuters) - " + STORY, "KHARKIV", "Reuters");
        assertDateline("UNITED NATIONS (AP) \u2014 " + STORY, "UNITED NATIONS", "AP");
    }

    private static void assertDateline(String lead, String place, String agency) {
        NormalisedArticle a = normalise("Brigades move north", lead);
        assertEquals(place, a.dateline(), lead);
        assertEquals(agency, a.agency(), lead);
    }

    @Test
    void ordinaryOpeningsAreNotDatelines() {
        assertNull(normalise("", STORY).dateline());
        assertNull(normalise("", "NATO officials said the brigades had moved north overnight.").dateline());
        assertNull(normalise("", "Ukraine's forces captured two soldiers near the border on Monday.").dateline());
        assertNull(normalise("", "(Updated) - The brigades moved north overnight, officials said on Monday.").dateline());
    }

    @Test
    void paragraphsBeforeTheDatelineArePageFurniture() {
        NormalisedArticle a = normalise("Brigades move north", paragraphs(
                "Soldiers unload equipment at a rail yard near the border on Sunday.", "WASHINGTON - " + STORY, SECOND));
        assertEquals(List.of("WASHINGTON - " + STORY, SECOND), body(a));
    }

    @Test
    void agencyFromTheOutletName() {
        assertEquals("AFP", normalise("", STORY, "The Daily Example (AFP)").agency());
        assertEquals("Xinhua", normalise("", STORY, "Example News Agency (Xinhua)").agency());
        assertEquals("AFP", normalise("", STORY, "Example News NZ (EXAMPLE 24 / AFP)").agency());
        assertEquals("TASS", normalise("", STORY, "TASS").agency());
        assertNull(normalise("", STORY, "The Daily Example").agency());
    }

    @Test
    void agencyFromToldInTheLead() {
        NormalisedArticle a = normalise("", "Two brigades were moved north, a senior official told AFP on Feb 27.");
        assertEquals("AFP", a.agency());
        NormalisedArticle b = normalise("", "Two brigades were moved north on Monday (Yonhap) and more may follow soon.");
        assertEquals("Yonhap", b.agency());
    }

    @Test
    void aWordThatMerelyLooksLikeAnAgencyIsNotOne() {
        assertNull(normalise("", "He told ap staff that the trapped soldiers had been rescued on Monday.").agency());
    }

    @Test
    void leadIsTheFirstParagraphThatCarriesNews() {
        NormalisedArticle a = normalise("Brigades move north", paragraphs("Analysis", STORY, SECOND));
        int storyEnd = a.text().indexOf(STORY) + STORY.length();
        assertEquals(storyEnd, a.leadEnd());
    }

    @Test
    void aTitleLikeLineIsNotTheLead() {
        NormalisedArticle a = normalise("Live updates", paragraphs("Army to send two more brigades to the northern border",
                STORY, SECOND));
        assertEquals(a.text().indexOf(STORY) + STORY.length(), a.leadEnd());
    }

    @Test
    void leadFallsBackToTheHeadline() {
        NormalisedArticle a = normalise("Brigades move north", "");
        assertEquals("Brigades move north".length(), a.leadEnd());
    }

    @Test
    void outletTagsBeforeTheDatelineAreStripped() {
        NormalisedArticle a = normalise("", "(MENAFN- Example News Agency (ENA)) ADDIS ABABA, May 5 (ENA) -- " + STORY);
        assertEquals("ADDIS ABABA", a.dateline());
        assertTrue(body(a).get(0).startsWith("ADDIS ABABA, May 5"));
    }

    @Test
    void spansAreConsistent() {
        NormalisedArticle a = normalise("Brigades move north: officials", paragraphs("SEOUL - " + STORY, SECOND,
                "\"We are ready,\" he said. \"Are you?\""));
        assertSaneSpans(a);
        assertEquals(List.of("Brigades move north: officials", "SEOUL - " + STORY, SECOND, "\"We are ready,\" he said.",
                "\"Are you?\""), sentences(a));
    }

    /** Paragraphs tile the text between blank lines, sentences lie inside paragraphs, in order, never empty. */
    static void assertSaneSpans(NormalisedArticle a) {
        String text = a.text();
        List<TextSpan> ps = a.paragraphs();
        assertTrue(!ps.isEmpty());
        assertEquals(0, ps.get(0).start());
        for (int i = 1; i < ps.size(); i++) {
            assertEquals(ps.get(i - 1).end() + 2, ps.get(i).start(), "paragraph " + i);
            assertEquals("\n\n", text.substring(ps.get(i - 1).end(), ps.get(i).start()));
            assertTrue(ps.get(i).end() > ps.get(i).start(), "empty paragraph " + i);
        }
        assertEquals(text.length(), ps.get(ps.size() - 1).end());
        int previousEnd = 0;
        int p = 0;
        for (TextSpan s : a.sentences()) {
            assertTrue(s.end() > s.start(), "empty sentence");
            assertTrue(s.start() >= previousEnd, "sentences overlap or go backwards");
            while (p < ps.size() && ps.get(p).end() < s.end()) {
                p++;
            }
            assertTrue(p < ps.size() && ps.get(p).start() <= s.start(), "sentence crosses a paragraph: " + s);
            assertTrue(!Character.isWhitespace(text.charAt(s.start())) && !Character.isWhitespace(text.charAt(s.end() - 1)),
                    "sentence has untrimmed spaces");
            previousEnd = s.end();
        }
        assertTrue(a.leadEnd() >= 0 && a.leadEnd() <= text.length());
        assertTrue(ps.stream().anyMatch(span -> span.end() == a.leadEnd()), "lead ends at a paragraph end");
    }
}
