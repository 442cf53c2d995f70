package dev.troopwatch.resilience;

import dev.troopwatch.stream.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One record of every kind the pipeline must refuse, each with the dead-letter reason it must get. The texts are
 * our own; the French and Russian articles say in their language what the English ones say in ours.
 */
final class BadRecords {
    /** A bad record: its key, its exact bytes, the reason expected in the dead letter. */
    record Bad(String key, byte[] value, String reason) {
    }

    private static final String ENGLISH_BODY = "Soldiers from the garrison were seen loading trucks near the border "
            + "on Monday, local officials said, as talks between the two governments continued.";

    private BadRecords() {
    }

    /**
     * @param oversizedBytes size of the oversized record: just above the validator's limit
     */
    static List<Bad> all(int oversizedBytes) {
        List<Bad> bad = new ArrayList<>();
        bad.add(new Bad("bad-not-json", utf8("<html><body>North Korean troops (not JSON at all)</body></html>"),
                "not-json"));
        bad.add(new Bad("bad-truncated-json", utf8("{\"id\":\"cut\",\"headline\":\"Troops\",\"body\":\"Soldiers were"),
                "not-json"));
        bad.add(new Bad("bad-no-body-no-headline", utf8("{\"id\":\"nobody\",\"published\":\"2025-03-01\"}"),
                "missing-field"));
        bad.add(new Bad("bad-no-body", utf8("{\"id\":\"headline-only\",\"headline\":\"Troops on the move\","
                + "\"published\":\"2025-03-01\"}"), "missing-field"));
        bad.add(new Bad("bad-empty-body", article("2025-03-01", "en", " \n\t \n"), "empty-body"));
        String words = "The convoy moved slowly along the coast road while officials counted the vehicles. ";
        String huge = words.repeat(oversizedBytes / words.length() + 1);
        bad.add(new Bad("bad-oversized", article("2025-03-01", "en", huge), "oversized"));
        byte[] broken = article("2025-03-01", "en", ENGLISH_BODY + " XX");
        int at = indexOf(broken, "XX");
        broken[at] = (byte) 0xC3;
        broken[at + 1] = (byte) 0x28;
        bad.add(new Bad("bad-invalid-utf8", broken, "invalid-utf8"));
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i % 9);
        }
        bad.add(new Bad("bad-binary", binary, "binary"));
        bad.add(new Bad("bad-french", utf8(json("2025-03-01", null, "Des soldats nord-coréens ont été envoyés en "
                + "Russie, selon les services de renseignement sud-coréens, qui estiment que le déploiement se "
                + "poursuit. Les autorités de Moscou n'ont pas commenté ces informations dans la soirée.")),
                "unsupported-language"));
        bad.add(new Bad("bad-russian", utf8(json("2025-03-01", null, "Северокорейские военные были направлены в "
                + "Россию, сообщила южнокорейская разведка. По её данным, переброска войск продолжается, а в "
                + "Москве эти сведения не комментируют.")), "unsupported-language"));
        bad.add(new Bad("bad-published-unparseable", article("next Tuesday", "en", ENGLISH_BODY), "bad-published"));
        bad.add(new Bad("bad-published-1900", article("1900-01-01", "en", ENGLISH_BODY), "bad-published"));
        bad.add(new Bad("bad-published-future", article("2999-01-01T00:00:00Z", "en", ENGLISH_BODY),
                "bad-published"));
        // Valid, so it passes validation; its id keys it on the clean-article topic, where extraction fails.
        bad.add(new Bad("bad-processing-throws", utf8("{\"id\":\"bad-processing-throws\","
                + json("2025-03-01", "en", "North Korean troops were sent to Russia, officials said on Monday. "
                + PoisonableParts.POISON).substring(1)), DeadLetter.PROCESSING_ERROR));
        return List.copyOf(bad);
    }

    private static byte[] article(String published, String language, String body) {
        return utf8(json(published, language, body));
    }

    private static String json(String published, String language, String body) {
        return "{\"headline\":\"Wire report\",\"published\":\"" + published + "\""
                + (language == null ? "" : ",\"language\":\"" + language + "\"")
                + ",\"body\":\"" + body.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                .replace("\t", "\\t") + "\"}";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException(ascii + " not found");
    }
}
