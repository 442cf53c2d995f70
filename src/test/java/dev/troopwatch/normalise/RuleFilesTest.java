package dev.troopwatch.normalise;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Rule files load strictly: a bad entry fails naming file and line. */
class RuleFilesTest {
    private static void assertFailsAt(String expected, Runnable load) {
        IllegalStateException e = assertThrows(IllegalStateException.class, load::run);
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @Test
    void unknownActionNamesFileAndLine() {
        assertFailsAt("normalise-bad/unknown-action.patterns:3: unknown action 'explode'",
                () -> BoilerplateRules.load(Agencies.load(), "normalise-bad/unknown-action.patterns"));
    }

    @Test
    void badRegexNamesFileAndLine() {
        assertFailsAt("normalise-bad/bad-regex.patterns:2: bad regex",
                () -> BoilerplateRules.load(Agencies.load(), "normalise-bad/bad-regex.patterns"));
    }

    @Test
    void unknownMacroNamesFileAndLine() {
        assertFailsAt("normalise-bad/unknown-macro.patterns:2: unknown macro {WIRE}",
                () -> BoilerplateRules.load(Agencies.load(), "normalise-bad/unknown-macro.patterns"));
    }

    @Test
    void duplicateAgencyAliasNamesFileAndLine() {
        assertFailsAt("normalise-bad/duplicate-alias.txt:3: alias 'AFP' already belongs to AFP",
                () -> Agencies.load("normalise-bad/duplicate-alias.txt"));
    }

    @Test
    void missingFileIsReported() {
        assertFailsAt("rule file not found on classpath: normalise-bad/none.txt",
                () -> Agencies.load("normalise-bad/none.txt"));
    }

    @Test
    void everyShippedRuleFileLoads() {
        Agencies agencies = Agencies.load();
        BoilerplateRules.load(agencies);
        SentenceSplitter.load();
        LanguageCheck.load();
        TextCleaner.load();
    }
}
