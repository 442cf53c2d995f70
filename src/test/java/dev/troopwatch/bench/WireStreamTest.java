package dev.troopwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.bench.GeneratedArticle.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The endless generator of the soak run: deterministic, in publication order, and holding only a few days. */
class WireStreamTest {
    private final SyntheticWireGenerator generator = SyntheticWireGenerator.withDefaultData();

    @Test
    void aSeedGivesTheSameStream() {
        WireStream a = generator.stream(5L, 100_000);
        WireStream b = generator.stream(5L, 100_000);
        for (int i = 0; i < 3_000; i++) {
            WireStream.Item x = a.next();
            WireStream.Item y = b.next();
            assertEquals(x, y, "article " + i);
        }
        assertFalse(generator.stream(6L, 100_000).next().equals(generator.stream(5L, 100_000).next()),
                "another seed, another stream");
    }

    @Test
    void twoHundredThousandArticlesInOrderWithoutHoldingThem() {
        WireStream stream = generator.stream(11L, 200_000);
        Instant previous = Instant.MIN;
        int maxBuffered = 0;
        Map<Role, Integer> roles = new EnumMap<>(Role.class);
        Set<String> ids = new HashSet<>();
        long firstCycleExpected = 0;
        long laterOriginals = 0;
        Instant last = null;
        for (int i = 0; i < 200_000; i++) {
            WireStream.Item item = stream.next();
            Instant published = item.article().published();
            assertFalse(published.isBefore(previous), "publication time went back at article " + i);
            assertEquals(published, Instant.parse(item.article().raw().published()));
            previous = published;
            maxBuffered = Math.max(maxBuffered, stream.buffered());
            roles.merge(item.article().role(), 1, Integer::sum);
            if (i % 50 == 0) {
                // A sample of ids is enough to see they do not repeat; all of them would defeat the point.
                assertTrue(ids.add(item.article().raw().id()), "id repeated: " + item.article().raw().id());
            }
            if (item.article().role() == Role.ORIGINAL) {
                if (item.firstCycle()) {
                    firstCycleExpected += item.expected().size();
                    assertFalse(item.expected().isEmpty(), "a first-timeline original owes an alert");
                } else {
                    laterOriginals++;
                    assertTrue(item.expected().isEmpty());
                }
            } else {
                assertTrue(item.expected().isEmpty(), "only originals owe alerts");
            }
            last = published;
        }
        System.out.println("200,000 streamed articles: " + roles + ", at most " + maxBuffered + " buffered, scale "
                + stream.scale() + ", first-timeline alerts " + firstCycleExpected + ", later originals "
                + laterOriginals + ", last published " + last);
        assertTrue(maxBuffered < 5_000, "the stream holds only the next days' reports: " + maxBuffered);
        assertTrue(laterOriginals > 0, "lanes start new timelines after the first");
        assertTrue(firstCycleExpected > 1_000);
        double distractors = roles.get(Role.DISTRACTOR) / 200_000.0;
        assertTrue(distractors > 0.15 && distractors < 0.25, "about a fifth distractors: " + distractors);
        assertTrue(roles.get(Role.REPRINT) > 0 && roles.get(Role.REREPORT) > 0);
        assertTrue(last.isBefore(WireStream.END), "the planned volume stays in the past: " + last);
    }

    @Test
    void moreArticlesMeanMoreCopiesPerEventSoThatTheyStayInThePast() {
        List<Integer> scales = new ArrayList<>();
        for (long planned : new long[] {30_000, 1_800_000, 3_600_000, 20_000_000}) {
            scales.add(WireStream.scaleFor(planned, 1_600));
        }
        System.out.println("scales for 30 k, 1.8 M, 3.6 M, 20 M articles: " + scales);
        for (int i = 1; i < scales.size(); i++) {
            assertTrue(scales.get(i) >= scales.get(i - 1), "scale never falls with volume: " + scales);
        }
        assertTrue(scales.get(3) > scales.get(0), scales.toString());
    }
}
