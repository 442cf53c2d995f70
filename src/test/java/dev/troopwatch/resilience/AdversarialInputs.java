package dev.troopwatch.resilience;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Text meant to hurt a parser or a rule engine: huge sentences, deep nesting, endless digits, regex-hostile
 * repetitions, very long tokens, broken encodings, and random and truncated variants of a real article.
 * Each input has a name so that the slowest can be reported and a failure reproduced.
 */
final class AdversarialInputs {
    /** A well-formed article of our own, the seed of the truncation and mutation inputs. */
    static final String GOOD_ARTICLE = "{\"id\":\"fuzz-seed\",\"url\":\"https://wires.example/fuzz-seed\","
            + "\"source\":\"Harbour Daily (AFP)\",\"headline\":\"North Korea sends more troops to Russia\","
            + "\"published\":\"2025-02-27T05:40:00Z\",\"language\":\"en\",\"body\":\"SEOUL (AFP) - North Korea has "
            + "sent about 3,000 additional soldiers to Russia, South Korea's spy agency said on Thursday.\\n\\n"
            + "Some units were redeployed to the front line in Kursk after being withdrawn in January, the agency "
            + "said.\\n\\nNeither Moscow nor Pyongyang commented.\"}";

    private AdversarialInputs() {
    }

    /** Article bodies (plain text) that the normaliser and the extractor must survive. */
    static Map<String, String> bodies(long seed) {
        Random random = new Random(seed);
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("huge-sentence", "North Korean troops were sent to Russia and ".repeat(20_000));
        bodies.put("huge-sentence-no-spaces", "troops,".repeat(120_000));
        bodies.put("million-digits", "About " + "9".repeat(1_000_000) + " soldiers were sent to Russia.");
        bodies.put("digit-groups", "Some " + "999,".repeat(200_000) + "999 North Korean soldiers arrived in Russia.");
        bodies.put("number-overflow", "North Korea sent 99999999999999999999999999 soldiers to Russia. Another "
                + "1e308 troops and 18446744073709551616 soldiers and 2,147,483,648 troops were deployed.");
        bodies.put("open-parens", "(".repeat(500_000));
        bodies.put("nested-parens", "(".repeat(100_000) + "North Korean troops in Russia" + ")".repeat(100_000));
        bodies.put("brackets-quotes", "[{\"'«»“”".repeat(60_000));
        bodies.put("a-a-a", "a ".repeat(400_000));
        bodies.put("troops-troops", "troops ".repeat(140_000));
        bodies.put("country-storm", "North Korea Russia Ukraine Kursk troops sent ".repeat(20_000));
        bodies.put("trigger-storm", "deployed withdrawn redeployed killed fought reinforced sent ".repeat(15_000));
        bodies.put("negation-storm", "not not never no denied reportedly allegedly could would ".repeat(15_000));
        bodies.put("many-sentences", "North Korean troops arrived in Russia. ".repeat(25_000));
        bodies.put("many-paragraphs", "North Korean troops arrived in Russia.\n\n".repeat(25_000));
        bodies.put("long-token", "x".repeat(1_000_000));
        bodies.put("long-capitalised-token", "A" + "b".repeat(600_000) + " troops were sent to Russia.");
        bodies.put("abbreviation-storm", "U.S. Gen. Lt. Col. Dr. Mr. St. No. ".repeat(30_000));
        bodies.put("dots", ".".repeat(800_000));
        bodies.put("whitespace", " \t\u00A0\u2003\u200B".repeat(150_000) + "troops");
        bodies.put("combining-marks", "t\u0301\u0302\u0303\u0304r\u0305o\u0306".repeat(100_000));
        bodies.put("emoji", "🪖🚀🇰🇵🇷🇺".repeat(80_000));
        bodies.put("unpaired-surrogates", "\uD800troops\uDC00sent\uD83D".repeat(60_000));
        bodies.put("rtl-and-controls", "\u202Etroops\u202C sent\u2066 to \u2069Russia ".repeat(30_000));
        bodies.put("dateline-storm", "SEOUL (AFP) - ".repeat(50_000));
        bodies.put("quote-storm", "\"North Korean troops,\" he said, \"were sent.\" ".repeat(15_000));
        bodies.put("hyphen-chain", "North-Korean-troops-".repeat(50_000) + "Russia");
        bodies.put("random-ascii", randomText(random, 500_000, " abcdefghijklmnopqrstuvwxyz.,;()0123456789\n"));
        bodies.put("random-words", randomWords(random, 60_000));
        bodies.put("random-unicode", randomUnicode(random, 200_000));
        for (int i = 0; i < 20; i++) {
            bodies.put("random-small-" + i, randomUnicode(random, random.nextInt(300)));
        }
        return bodies;
    }

    /** Raw record values / file contents for the validator and the file parsers. */
    static Map<String, byte[]> records(long seed) {
        Random random = new Random(seed);
        Map<String, byte[]> records = new LinkedHashMap<>();
        records.put("empty", new byte[0]);
        records.put("deep-array", ("[".repeat(200_000) + "]".repeat(200_000)).getBytes(StandardCharsets.UTF_8));
        records.put("deep-object", ("{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000))
                .getBytes(StandardCharsets.UTF_8));
        records.put("deep-body", ("{\"body\":" + "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000) + "}")
                .getBytes(StandardCharsets.UTF_8));
        records.put("unclosed-deep", "[".repeat(300_000).getBytes(StandardCharsets.UTF_8));
        records.put("million-digit-number", ("{\"body\":\"troops\",\"id\":" + "7".repeat(1_000_000) + "}")
                .getBytes(StandardCharsets.UTF_8));
        records.put("huge-exponent", "{\"body\":\"troops\",\"id\":1e999999999}".getBytes(StandardCharsets.UTF_8));
        records.put("many-keys", manyKeys().getBytes(StandardCharsets.UTF_8));
        records.put("long-key", ("{\"" + "k".repeat(900_000) + "\":1,\"body\":\"x\"}")
                .getBytes(StandardCharsets.UTF_8));
        records.put("escaped-unicode-storm", ("{\"body\":\"" + "\\ud800\\u0000\\uffff".repeat(50_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        records.put("bad-published-forms", ("{\"body\":\"North Korean troops were sent to Russia, officials said on "
                + "Monday.\",\"headline\":\"Troops\",\"published\":\"+999999999-12-31T99:99:99+99:99\"}")
                .getBytes(StandardCharsets.UTF_8));
        records.put("published-digits", ("{\"body\":\"North Korean troops were sent to Russia, officials said on "
                + "Monday.\",\"headline\":\"Troops\",\"published\":\"" + "2".repeat(100_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        records.put("header-format-endless-headers", ("headline: x\n".repeat(100_000) + "---\nbody")
                .getBytes(StandardCharsets.UTF_8));
        records.put("header-format-no-separator", ("key: value\n".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
        records.put("ndjson-many-lines", (GOOD_ARTICLE.replace("\\n", " ") + "\n").repeat(2_000)
                .getBytes(StandardCharsets.UTF_8));
        records.put("ndjson-garbage-lines", "{\n}\n[\n\"x\n{{{\n".repeat(20_000).getBytes(StandardCharsets.UTF_8));
        records.put("html-body", ("{\"body_html\":\"" + "<div><p><b>".repeat(30_000) + "troops"
                + "</b></p></div>".repeat(30_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        records.put("html-unclosed", ("{\"body_html\":\"" + "<p".repeat(100_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        records.put("html-entities", ("{\"body_html\":\"" + "&amp;&#99999999999;&#x110000;&bogus;&".repeat(20_000)
                + "\"}").getBytes(StandardCharsets.UTF_8));
        records.put("ninjs-deep-bodies", ("{\"bodies\":[" + "{\"value\":\"troops\"},".repeat(50_000)
                + "{\"value\":\"end\"}],\"headlines\":[{\"value\":\"h\"}]}").getBytes(StandardCharsets.UTF_8));
        records.put("bom-and-nul", "\uFEFF{\"body\":\"a\u0000b\"}".getBytes(StandardCharsets.UTF_8));
        records.put("invalid-utf8", new byte[] {'{', '"', 'b', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        records.put("overlong-utf8", new byte[] {(byte) 0xC0, (byte) 0xAF, (byte) 0xE0, (byte) 0x80, (byte) 0xAF});
        byte[] article = GOOD_ARTICLE.getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < article.length; cut += Math.max(1, article.length / 40)) {
            byte[] truncated = new byte[cut];
            System.arraycopy(article, 0, truncated, 0, cut);
            records.put("truncated-at-" + cut, truncated);
        }
        for (int i = 0; i < 60; i++) {
            records.put("mutated-" + i, mutate(random, article));
        }
        for (int i = 0; i < 30; i++) {
            byte[] bytes = new byte[random.nextInt(5_000)];
            random.nextBytes(bytes);
            records.put("random-bytes-" + i, bytes);
        }
        return records;
    }

    /** The seed article with its body replaced, as a raw record value. */
    static byte[] articleWithBody(String body) {
        return ("{\"id\":\"fuzz\",\"headline\":\"Troops\",\"published\":\"2025-02-27\",\"language\":\"en\",\"body\":"
                + jsonString(body) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static String manyKeys() {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 100_000; i++) {
            json.append("\"k").append(i).append("\":").append(i).append(',');
        }
        return json.append("\"body\":\"troops\"}").toString();
    }

    private static byte[] mutate(Random random, byte[] article) {
        byte[] copy = article.clone();
        int edits = 1 + random.nextInt(12);
        List<Byte> bytes = new ArrayList<>();
        for (byte b : copy) {
            bytes.add(b);
        }
        for (int e = 0; e < edits && !bytes.isEmpty(); e++) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(4)) {
                case 0 -> bytes.set(at, (byte) random.nextInt(256));
                case 1 -> bytes.remove(at);
                case 2 -> bytes.add(at, "{}[]\",:\\".getBytes(StandardCharsets.UTF_8)[random.nextInt(8)]);
                default -> {
                    int length = Math.min(bytes.size() - at, 1 + random.nextInt(40));
                    List<Byte> slice = new ArrayList<>(bytes.subList(at, at + length));
                    bytes.addAll(at, slice);
                }
            }
        }
        byte[] result = new byte[bytes.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = bytes.get(i);
        }
        return result;
    }

    private static String randomText(Random random, int length, String alphabet) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String randomWords(Random random, int count) {
        String[] words = {"North", "Korean", "troops", "soldiers", "sent", "to", "Russia", "Kursk", "withdrawn",
                "not", "reportedly", "about", "10,000", "more", "said", "on", "Monday", ".", ",", "the", "front",
                "killed", "Pyongyang", "Moscow", "Ukraine", "deployed", "engineers", "(", ")", "\"", "would"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(words[random.nextInt(words.length)]).append(random.nextInt(12) == 0 ? "\n\n" : " ");
        }
        return text.toString();
    }

    private static String randomUnicode(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(0x3000));
        }
        return text.toString();
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder(text.length() + 16).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
