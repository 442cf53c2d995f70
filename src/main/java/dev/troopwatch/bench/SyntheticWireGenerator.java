package dev.troopwatch.bench;

import dev.troopwatch.alert.AlertType;
import dev.troopwatch.bench.GeneratedArticle.Role;
import dev.troopwatch.ingest.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes realistic English wire articles about troop deployments, at any volume, deterministically from a seed.
 *
 * <p>Each situation (actor, host) follows a timeline: maybe a plan, a deployment, maybe the actor's own
 * confirmation, maybe combat and losses, maybe a withdrawal and a return. Every event is reported once by an
 * originating agency (that report must raise the event's alert), re-reported in other words by other agencies and
 * reprinted word for word by other outlets under their own headlines and page boilerplate (those must raise
 * nothing). Distractors (exercises, missile tests, sport, sanctions, workers, parades, markets) are mixed in and
 * must raise nothing either. Events of one situation lie more than the tracker's syndication window apart, so a
 * new event is never mistaken for a copy of the previous one.
 *
 * <p>Sentences come from {@code bench/templates.txt}, countries and places from {@code bench/world.txt}.
 */
public final class SyntheticWireGenerator {
    /** Share of articles that are distractors. */
    static final double DISTRACTOR_SHARE = 0.2;
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    /**
     * Situations begin within this many days, so they run side by side and many other reports separate two events
     * of one situation in publication order. That keeps the events of a situation seconds apart when the set is
     * published at a benchmark rate, more than the pipeline's latency: Kafka orders records only per partition,
     * and a report overtaken by a later one of its situation is (rightly) treated as late.
     */
    private static final int START_WINDOW_DAYS = 14;
    /** Distractors are spread over the time the timelines take. */
    private static final int DISTRACTOR_SPAN_DAYS = 330;
    /** Events of a situation are this far apart: the last copy of one event (up to 3.5 days after it) and the next
     * event stay beyond the tracker's 7-day syndication window, so templated wording is not taken for a reprint. */
    static final int MIN_EVENT_GAP_DAYS = 12;
    static final int MAX_EVENT_GAP_DAYS = 45;
    /** Mean articles of one situation at scale 1, used to stretch copies when the country pairs run out. */
    private static final double ARTICLES_PER_SITUATION = 18.0;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final World world;
    private final WireTemplates templates;

    private SyntheticWireGenerator(World world, WireTemplates templates) {
        this.world = world;
        this.templates = templates;
    }

    public static SyntheticWireGenerator withDefaultData() {
        return new SyntheticWireGenerator(World.load(), WireTemplates.load());
    }

    /** Exactly {@code count} articles (count >= 1) and their expected alerts. The same seed gives the same set. */
    public SyntheticWire generate(long seed, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        SplittableRandom random = new SplittableRandom(seed);
        String idPrefix = "gen" + Long.toUnsignedString(seed, 36);
        List<Country[]> pairs = pairs(random);
        int distractors = (int) Math.round(count * DISTRACTOR_SHARE);
        int budget = count - distractors;
        int scale = (int) Math.max(1, Math.ceil(budget / (pairs.size() * ARTICLES_PER_SITUATION)));

        List<GeneratedArticle> articles = new ArrayList<>(count);
        List<Timed> expected = new ArrayList<>();
        int situations = 0;
        for (int p = 0; p < pairs.size() && budget > 0; p++) {
            Situation situation = new Situation(pairs.get(p)[0], pairs.get(p)[1], idPrefix + "-" + p, random);
            Instant at = START.plus(Duration.ofDays(random.nextInt(START_WINDOW_DAYS)))
                    .plus(Duration.ofMinutes(random.nextInt(6 * 60, 20 * 60)));
            boolean any = false;
            for (TimelineStep step : timeline(random)) {
                List<GeneratedArticle> reports = situation.reportsOf(step, at, scale, random);
                if (reports.size() > budget) {
                    break;
                }
                budget -= reports.size();
                articles.addAll(reports);
                String original = reports.get(0).raw().id();
                expected.add(new Timed(at, new ExpectedAlert(situation.key(), step.alert(), original)));
                if (step == TimelineStep.DEPLOYED && any && situation.place != null) {
                    // The tracker already knows the situation from the plan, so the first named place is news too.
                    expected.add(new Timed(at, new ExpectedAlert(situation.key(), AlertType.NEW_THEATRE, original)));
                }
                any = true;
                at = at.plus(Duration.ofDays(random.nextInt(MIN_EVENT_GAP_DAYS, MAX_EVENT_GAP_DAYS + 1)))
                        .plus(Duration.ofMinutes(random.nextInt(-120, 120)));
            }
            if (any) {
                situations++;
            } else {
                break;
            }
        }
        distractors += budget;
        for (int d = 0; d < distractors; d++) {
            Instant at = START.plus(Duration.ofMinutes(random.nextLong(DISTRACTOR_SPAN_DAYS * 24L * 60)));
            articles.add(distractor(idPrefix + "-d" + d, at, random));
        }
        articles.sort(Comparator.comparing(GeneratedArticle::published));
        expected.sort(Comparator.comparing(Timed::at));
        return new SyntheticWire(seed, articles, expected.stream().map(Timed::alert).toList(), situations);
    }

    private record Timed(Instant at, ExpectedAlert alert) {
    }

    /**
     * An endless wire in publication order, generated as it is read, for runs too long to hold their articles
     * (see {@link WireStream}). {@code plannedArticles} is how many the caller means to read: it sets how many
     * copies each event gets, so that the publication times of that many articles stay in the past.
     */
    public WireStream stream(long seed, long plannedArticles) {
        return new WireStream(this, seed, plannedArticles);
    }

    /** Every (actor, host) pair of two different countries, shuffled. */
    List<Country[]> pairs(SplittableRandom random) {
        List<Country[]> pairs = new ArrayList<>();
        for (Country actor : world.actors()) {
            for (Country host : world.hosts()) {
                if (!actor.code().equals(host.code())) {
                    pairs.add(new Country[] {actor, host});
                }
            }
        }
        shuffle(pairs, random);
        return pairs;
    }

    Situation situation(Country actor, Country host, String idPrefix, SplittableRandom random) {
        return new Situation(actor, host, idPrefix, random);
    }

    /** Which events a situation goes through, in order; every situation is deployed at some point. */
    static List<TimelineStep> timeline(SplittableRandom random) {
        List<TimelineStep> steps = new ArrayList<>();
        if (random.nextDouble() < 0.5) {
            steps.add(TimelineStep.PLANNED);
        }
        steps.add(TimelineStep.DEPLOYED);
        if (random.nextDouble() < 0.35) {
            steps.add(TimelineStep.CONFIRMED);
        }
        if (random.nextDouble() < 0.6) {
            steps.add(TimelineStep.ENGAGED);
            if (random.nextDouble() < 0.6) {
                steps.add(TimelineStep.CASUALTIES);
            }
        }
        if (random.nextDouble() < 0.5) {
            steps.add(TimelineStep.WITHDRAWN);
            if (random.nextDouble() < 0.6) {
                steps.add(TimelineStep.REDEPLOYED);
            }
        }
        return steps;
    }

    /** The fixed facts of one situation's story and the report writer for its events. */
    final class Situation {
        private final Country actor;
        private final Country host;
        private final String idPrefix;
        private final String place;
        private final long troops;
        private int articleSeq;

        Situation(Country actor, Country host, String idPrefix, SplittableRandom random) {
            this.actor = actor;
            this.host = host;
            this.idPrefix = idPrefix;
            this.place = host.places().isEmpty() ? null : pick(host.places(), random);
            this.troops = 100L * random.nextInt(2, 120);
        }

        String key() {
            return actor.code() + "-" + host.code();
        }

        /** Reports name a town or region, so the first deployment after a plan is a new theatre too. */
        boolean namesPlace() {
            return place != null;
        }

        /** The original report of {@code step} at {@code at} first, then its re-reports and reprints. */
        List<GeneratedArticle> reportsOf(TimelineStep step, Instant at, int scale, SplittableRandom random) {
            List<GeneratedArticle> out = new ArrayList<>();
            Map<String, String> values = values(step, at, random);
            String agency = pick(templates.agencies, random);
            String lead = fill(pick(templates.leads.get(step), random), values, random);
            GeneratedArticle original = report(step, at, agency, pick(templates.outlets, random), lead, values,
                    Role.ORIGINAL, random);
            out.add(original);
            List<GeneratedArticle> copySources = new ArrayList<>(List.of(original));
            List<String> again = templates.reReports.getOrDefault(step, List.of());
            int reReports = again.isEmpty() ? 0 : random.nextInt(0, 2 * scale + 1);
            for (int i = 0; i < reReports; i++) {
                Instant when = at.plus(Duration.ofMinutes(random.nextInt(90, 60 * 60)));
                String otherAgency = pickOther(templates.agencies, agency, random);
                Map<String, String> later = values(step, when, random);
                GeneratedArticle reReport = report(step, when, otherAgency, pick(templates.outlets, random),
                        fill(pick(again, random), later, random), later, Role.REREPORT, random);
                out.add(reReport);
                copySources.add(reReport);
            }
            int reprints = random.nextInt(0, 2 * scale + 1);
            for (int i = 0; i < reprints; i++) {
                out.add(reprint(pick(copySources, random), random));
            }
            return out;
        }

        private Map<String, String> values(TimelineStep step, Instant at, SplittableRandom random) {
            Country other = otherThan(random, actor, host);
            Map<String, String> v = new HashMap<>();
            v.put("Actor", actor.capitalisedName());
            v.put("actor", actor.name());
            v.put("demonym", actor.demonym());
            v.put("capital", actor.capital());
            v.put("host", host.name());
            v.put("hostCapital", host.capital());
            v.put("where", place == null ? host.name() : random.nextBoolean() ? place + " in " + host.name()
                    : "the " + place + " area of " + host.name());
            v.put("troops", troopPhrase(troops, random));
            v.put("dead", String.valueOf(random.nextInt(2, 40)));
            v.put("weekday", weekday(at));
            v.put("other", other.name());
            v.put("otherDemonym", other.demonym());
            v.put("otherCapital", other.capital());
            return v;
        }

        private GeneratedArticle report(TimelineStep step, Instant at, String agency, String outlet, String lead,
                                        Map<String, String> values, Role role, SplittableRandom random) {
            String headline = fill(pick(templates.headlines.get(step), random), values, random);
            List<String> body = new ArrayList<>();
            body.add(dateline(host) + " (" + agency + ") - " + lead);
            body.addAll(fillers(values, random));
            String id = idPrefix + "-" + (articleSeq++);
            return article(id, at, outlet, agency, headline, decorate(body, values, random), role, key());
        }

        private GeneratedArticle reprint(GeneratedArticle source, SplittableRandom random) {
            RawArticle raw = source.raw();
            Instant when = source.published().plus(Duration.ofMinutes(random.nextInt(30, 30 * 60)));
            String agency = raw.source().substring(raw.source().lastIndexOf('(') + 1, raw.source().length() - 1);
            String outlet = pickOther(templates.outlets, raw.source().substring(0, raw.source().lastIndexOf('(')).strip(),
                    random);
            List<String> story = storyParagraphs(raw.body());
            Map<String, String> values = values(TimelineStep.DEPLOYED, when, random);
            String id = idPrefix + "-" + (articleSeq++);
            String headline = random.nextBoolean() ? raw.headline() : raw.headline() + " - report";
            return article(id, when, outlet, agency, headline, decorate(story, values, random), Role.REPRINT, key());
        }
    }

    GeneratedArticle distractor(String id, Instant at, SplittableRandom random) {
        Country actor = pick(world.all(), random);
        Country other = otherThan(random, actor, actor);
        Map<String, String> v = new HashMap<>();
        v.put("Actor", actor.capitalisedName());
        v.put("actor", actor.name());
        v.put("demonym", actor.demonym());
        v.put("capital", actor.capital());
        v.put("host", other.name());
        v.put("hostCapital", other.capital());
        v.put("weekday", weekday(at));
        v.put("other", other.name());
        v.put("otherDemonym", other.demonym());
        v.put("otherCapital", other.capital());
        WireTemplates.Distractor story = pick(templates.distractors, random);
        String agency = pick(templates.agencies, random);
        List<String> body = new ArrayList<>();
        body.add(dateline(actor) + " (" + agency + ") - " + fill(story.lead(), v, random));
        body.addAll(fillers(v, random));
        return article(id, at, pick(templates.outlets, random), agency, fill(story.headline(), v, random),
                decorate(body, v, random), Role.DISTRACTOR, null);
    }

    private static GeneratedArticle article(String id, Instant at, String outlet, String agency, String headline,
                                            List<String> paragraphs, Role role, String situation) {
        String body = String.join("\n\n", paragraphs);
        String url = "https://wire.example/" + at.atOffset(ZoneOffset.UTC).toLocalDate() + "/" + id;
        RawArticle raw = new RawArticle(id, url, outlet + " (" + agency + ")", headline, at.toString(), "en", body);
        return new GeneratedArticle(raw, at, role, situation, countWords(headline) + countWords(body));
    }

    /** Two to four distinct filler paragraphs. */
    private List<String> fillers(Map<String, String> values, SplittableRandom random) {
        List<String> pool = new ArrayList<>(templates.fillers);
        shuffle(pool, random);
        int n = random.nextInt(2, 5);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(fill(pool.get(i), values, random));
        }
        return out;
    }

    /** Wraps story paragraphs in an outlet's page furniture: prompts on top, a captioned photo, links below. */
    private List<String> decorate(List<String> story, Map<String, String> values, SplittableRandom random) {
        List<String> page = new ArrayList<>();
        if (random.nextDouble() < 0.5) {
            page.add(fill(pick(templates.top, random), values, random));
        }
        page.add(story.get(0));
        List<String> rest = new ArrayList<>(story.subList(1, story.size()));
        if (random.nextDouble() < 0.4) {
            rest.add(random.nextInt(rest.size() + 1), fill(pick(templates.captions, random), values, random));
        }
        page.addAll(rest);
        if (random.nextDouble() < 0.5) {
            page.add(fill(pick(templates.bottom, random), values, random));
        }
        return page;
    }

    /** The paragraphs of a body without the page furniture {@link #decorate} added, for a reprint to re-wrap. */
    private List<String> storyParagraphs(String body) {
        List<String> story = new ArrayList<>();
        for (String paragraph : body.split("\n\n")) {
            if (!isFurniture(paragraph)) {
                story.add(paragraph);
            }
        }
        return story;
    }

    private boolean isFurniture(String paragraph) {
        return paragraph.startsWith("FILE PHOTO:") || matchesAny(templates.top, paragraph)
                || matchesAny(templates.bottom, paragraph);
    }

    private static boolean matchesAny(List<String> patterns, String paragraph) {
        for (String pattern : patterns) {
            int brace = pattern.indexOf('{');
            String fixed = brace < 0 ? pattern : pattern.substring(0, brace);
            if (!fixed.isEmpty() && paragraph.startsWith(fixed)) {
                return true;
            }
        }
        return false;
    }

    /** The template with its placeholders replaced, starting with a capital letter. */
    private String fill(String template, Map<String, String> values, SplittableRandom random) {
        String text = substitute(template, values, random);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private String substitute(String template, Map<String, String> values, SplittableRandom random) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals("said") ? substitute(pick(templates.said, random), values, random)
                    : values.get(name);
            if (value == null) {
                throw new IllegalStateException("no value for {" + name + "} in: " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Country otherThan(SplittableRandom random, Country a, Country b) {
        Country c;
        do {
            c = pick(world.all(), random);
        } while (c.code().equals(a.code()) || c.code().equals(b.code()));
        return c;
    }

    /** "about 1,200", "more than 3,000", ... of an exact count, in the forms wires use. */
    private static String troopPhrase(long troops, SplittableRandom random) {
        String n = String.format(Locale.ROOT, "%,d", troops);
        return switch (random.nextInt(5)) {
            case 0 -> "about " + n;
            case 1 -> "some " + n;
            case 2 -> "more than " + n;
            case 3 -> "nearly " + n;
            default -> n;
        };
    }

    private static String dateline(Country country) {
        return country.capital().toUpperCase(Locale.ROOT);
    }

    private static String weekday(Instant at) {
        return at.atOffset(ZoneOffset.UTC).getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static int countWords(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    private static <T> T pick(List<T> list, SplittableRandom random) {
        return list.get(random.nextInt(list.size()));
    }

    private static String pickOther(List<String> list, String not, SplittableRandom random) {
        String value;
        do {
            value = pick(list, random);
        } while (value.equals(not));
        return value;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }
}
