package dev.troopwatch.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LanguageCheckTest {
    private static final LanguageCheck CHECK = LanguageCheck.load();

    @Test
    void englishProse() {
        assertTrue(CHECK.check("The defence ministry said on Tuesday that two battalions had been sent to the border, "
                + "where they would stay until the end of the year.").english());
    }

    @Test
    void shortEnglishHeadlines() {
        assertTrue(CHECK.check("Army sends troops north").english());
        assertTrue(CHECK.check("Kim meets Putin in Vladivostok").english());
        assertTrue(CHECK.check("Troops withdrawn").english());
    }

    @Test
    void englishQuotingAForeignPhrase() {
        assertTrue(CHECK.check("The general told reporters that the operation, which he called \"la fin de la "
                + "mission\", had been completed ahead of schedule and that all of the soldiers were home.").english());
    }

    @Test
    void french() {
        LanguageCheck.Result r = CHECK.check("Les derniers soldats français ont quitté la base vendredi, selon un "
                + "communiqué de l'armée. Le retrait est terminé.");
        assertFalse(r.english());
        assertEquals("function-words:fr", r.evidence());
    }

    @Test
    void german() {
        LanguageCheck.Result r = CHECK.check("Die letzten Soldaten haben den Stützpunkt am Freitag verlassen, wie die "
                + "Armee mitteilte. Der Abzug ist damit abgeschlossen und wird nicht rückgängig gemacht.");
        assertFalse(r.english());
        assertEquals("function-words:de", r.evidence());
    }

    @Test
    void spanish() {
        LanguageCheck.Result r = CHECK.check("Los últimos soldados abandonaron la base el viernes, según un comunicado "
                + "del ejército. La retirada de las tropas ya está completa.");
        assertFalse(r.english());
        assertEquals("function-words:es", r.evidence());
    }

    @Test
    void shortForeignHeadline() {
        assertFalse(CHECK.check("Les soldats quittent la base").english());
    }

    @Test
    void russian() {
        LanguageCheck.Result r = CHECK.check("Последние солдаты покинули базу в пятницу, сообщила армия.");
        assertFalse(r.english());
        assertEquals("script:CYRILLIC", r.evidence());
    }

    @Test
    void korean() {
        LanguageCheck.Result r = CHECK.check("국방부는 화요일 두 개 대대가 국경 지역에 파견되었다고 밝혔다.");
        assertFalse(r.english());
        assertEquals("script:HANGUL", r.evidence());
    }

    @Test
    void theDominantScriptIsReported() {
        assertEquals("script:HANGUL", CHECK.check("Москва 국방부는 화요일 두 개 대대가 국경 지역에 파견되었다고 밝혔다.").evidence());
    }

    @Test
    void arabicAndChinese() {
        assertFalse(CHECK.check("قالت وزارة الدفاع إن كتيبتين أرسلتا إلى الحدود").english());
        assertFalse(CHECK.check("国防部周二表示，两个营已被派往边境地区。").english());
    }

    @Test
    void englishWithAFewForeignNames() {
        assertTrue(CHECK.check("Officials in Пхеньян and Москва have not confirmed the reports, which came from "
                + "South Korea's spy agency on Thursday after a closed meeting with lawmakers in Seoul.").english());
    }

    @Test
    void longLatinTextWithoutEnglishFunctionWords() {
        assertFalse(CHECK.check("Wanajeshi wa mwisho waliondoka kambini Ijumaa kwa mujibu wa taarifa ya jeshi "
                + "kuhusu kuondoka kwa vikosi vyote kutoka nchini humo").english());
    }

    @Test
    void emptyTextIsNotForeign() {
        assertTrue(CHECK.check("").english());
        assertTrue(CHECK.check(null).english());
    }
}
