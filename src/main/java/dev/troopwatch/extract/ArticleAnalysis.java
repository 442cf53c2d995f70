package dev.troopwatch.extract;

import dev.troopwatch.normalise.NormalisedArticle;
import dev.troopwatch.normalise.TextSpan;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules applied to one article. Two passes: the first reads every sentence on its own (status words,
 * whose troops, where, how many, who says so); the second resolves what a sentence left open ("the troops were
 * withdrawn") against the article's dominant situations, and decides which mentions are the lead.
 */
final class ArticleAnalysis {
    /** Work bounds: an article longer than this is read up to here; enough for any real wire story. */
    static final int MAX_CHARS = 200_000;
    static final int MAX_SENTENCES = 3_000;
    static final int MAX_MENTIONS = 400;
    /** A lead mention whose event ended this long before publication is background, not the news. */
    private static final int BACKGROUND_DAYS = 45;
    /** Body sentences of the first paragraph that count as the lead. */
    private static final int MAX_LEAD_SENTENCES = 3;
    /** Sentences after the lead searched for the lead's place when the lead names none. */
    private static final int THEATRE_LOOKAHEAD = 4;

    private static final Set<String> LOCATIVE = Set.of("to", "in", "into", "inside", "at", "across", "toward",
            "towards", "near", "within", "throughout", "on", "around", "entered", "reached", "enter");
    private static final Set<String> DIRECTION = Set.of("the", "western", "eastern", "southern", "northern",
            "occupied", "central", "far", "north", "south", "east", "west", "neighbouring", "neighboring",
            "southwestern", "northeastern", "northwestern", "southeastern", "border", "russian-occupied");
    private static final Set<String> TERRITORY = Set.of("territory", "territories", "soil", "region", "regions",
            "towns", "villages", "town", "village", "city", "base", "bases", "frontier", "frontline",
            "front", "lands", "oblast", "province");
    /** "the Ukraine war", "the Gaza conflict": a country named for its war is no host. */
    private static final Set<String> WAR = Set.of("war", "conflict", "invasion", "crisis", "ceasefire", "peace");
    private static final Set<String> PRONOUNS = Set.of("they", "them", "their");
    private static final Set<String> PROXIMITY = Set.of("closer", "close", "nearer", "next");
    private static final Set<String> PREPOSITIONS = Set.of("to", "in", "into", "from", "at", "on", "near", "with",
            "against", "for", "of", "about", "over", "between", "inside", "toward", "towards", "across", "alongside");
    /** Words that make what follows a circumstance of the news rather than the news ("pulled out amid losses"). */
    private static final Set<String> CIRCUMSTANCE = Set.of("since");
    private static final Set<String> BACKGROUND_ADVERBS = Set.of("previously", "formerly", "earlier", "once",
            "originally", "initially");

    private static boolean troopEndingAt(Sentence s, int end) {
        for (int st = end - 1; st >= Math.max(s.from, end - 4); st--) {
            for (Hit h : s.startingAt(st)) {
                if ((h.kind() == LexKind.TROOP || h.kind() == LexKind.FORCE) && h.end() == end) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Circumstances that only background fighting and losses ("pulled back amid heavy losses"). */
    private static final Set<String> VIOLENT_CIRCUMSTANCE = Set.of("amid", "despite", "after", "following");
    private static final Set<Status> SENDING = Set.of(Status.DEPLOYED, Status.REINFORCED, Status.PLANNED,
            Status.WITHDRAWN, Status.REDEPLOYED);

    private final NormalisedArticle article;
    private final String text;
    private final Tokens tokens;
    private final LocalDate published;
    private final List<Sentence> sentences = new ArrayList<>();
    private final boolean frontArticle;
    /** Status of a lead trigger that is only announced ("Troops to disengage"), or null. */
    private Status headlineIntent;
    /** Whether a lead status word is hypothetical, negated or denied ("is considering withdrawing"). */
    private boolean headlineMusing;
    /** Whether any sentence names troops: a state "leaving" a country only means its forces in such a story. */
    private final boolean militaryArticle;
    /** The country of a capital dateline ("SEOUL -"): unnamed "officials" of a story filed there are its own. */
    private final String datelineCountry;

    ArticleAnalysis(Lexicon lexicon, NormalisedArticle article) {
        this.article = article;
        this.text = article.text();
        int limit = Math.min(text.length(), MAX_CHARS);
        this.tokens = Tokens.of(text, 0, limit);
        this.published = article.published() == null ? null
                : LocalDate.ofInstant(article.published(), ZoneOffset.UTC);
        List<TextSpan> paragraphs = article.paragraphs();
        int headlineEnd = paragraphs.isEmpty() ? 0 : paragraphs.get(0).end();
        int leadEnd = article.leadEnd() > 0 ? article.leadEnd()
                : paragraphs.size() > 1 ? paragraphs.get(1).end() : limit;
        List<TextSpan> spans = article.sentences().isEmpty() ? SentenceFallback.split(text, limit)
                : article.sentences();
        boolean front = false;
        int bodyLeadSentences = 0;
        Set<Integer> paragraphStarts = new HashSet<>();
        for (TextSpan p : paragraphs) {
            paragraphStarts.add(p.start());
        }
        for (TextSpan span : spans) {
            if (sentences.size() >= MAX_SENTENCES || span.start() >= limit) {
                break;
            }
            int end = Math.min(span.end(), limit);
            int from = tokens.firstAtOrAfter(span.start());
            int to = tokens.firstAtOrAfter(end);
            if (to <= from) {
                continue;
            }
            boolean headline = span.start() < headlineEnd;
            // wire ledes are one or two sentences: a run-on first paragraph does not make the whole story the lead
            boolean lead = span.start() < leadEnd && (headline || bodyLeadSentences++ < MAX_LEAD_SENTENCES);
            List<Hit> hits = lexicon.annotate(tokens, from, to, headline);
            if (!headline && paragraphStarts.contains(span.start())) {
                hits = withoutDateline(tokens, from, to, hits);
            }
            Sentence s = new Sentence(tokens, sentences.size(), from, to, span.start(), end, headline, lead, hits);
            if (lead && s.has(LexKind.FRONT)) {
                front = true;
            }
            sentences.add(s);
        }
        this.frontArticle = front;
        boolean military = false;
        for (Sentence s : sentences) {
            military |= s.has(LexKind.TROOP) || s.has(LexKind.FORCE);
        }
        this.militaryArticle = military;
        this.datelineCountry = article.dateline() == null ? null : lexicon.capitalCountry(article.dateline());
    }

    /**
     * A dateline ("BRUSSELS, Belgium:", "KYIV (AP) -") names where the story was filed, not where troops are:
     * its place names are dropped from the hits.
     */
    private static List<Hit> withoutDateline(Tokens tokens, int from, int to, List<Hit> hits) {
        int sep = -1;
        for (int k = from; k < Math.min(to, from + 10); k++) {
            String f = tokens.form(k);
            if (k > from && (f.equals(":") || f.equals("-"))) {
                sep = k;
                break;
            }
            boolean ok = tokens.capitalised(k) || f.equals(",") || f.equals("(") || f.equals(")") || f.equals("/");
            if (!ok) {
                return hits;
            }
        }
        if (sep < 0) {
            return hits;
        }
        List<Hit> out = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            if (!(h.kind().entity() && h.end() <= sep)) {
                out.add(h);
            }
        }
        return out;
    }

    /** One candidate statement; filled in over the two passes. */
    private static final class Draft {
        Sentence sentence;
        Hit trigger;
        Status status;
        boolean suppressed;
        String actor;
        String host;
        String theatre;
        TroopRange troops;
        String claimant;
        boolean hedged;
        EventTime time;
        boolean lead;
        boolean corefActor;
        boolean front;
        String weakHost;
        /** Stated as background ("previously", "amid", a relative clause): never the news, nor its size. */
        boolean aside;
        /** Denied, negated, hypothetical or a comparison: not even context for "the troops" elsewhere. */
        boolean unreal;
        /** Suppressed only because it is announced, not done: its count still sizes the force. */
        boolean announced;
    }

    List<Mention> mentions() {
        if (headlineExcluded()) {
            return List.of();
        }
        List<Draft> drafts = new ArrayList<>();
        String lastClaimant = null;
        for (Sentence s : sentences) {
            Claim claim = claimant(s, lastClaimant);
            if (claim.explicit && claim.code != null) {
                lastClaimant = claim.code;
            }
            readSentence(s, claim.code, drafts);
            if (drafts.size() > MAX_MENTIONS * 4) {
                break;
            }
        }
        resolveFromContext(drafts);
        return finish(drafts);
    }

    /**
     * Whose assertion the lead is when a lead sentence names no source: the first attribution in the lead
     * paragraph, else in the two sentences after it (wires often give the source in the second sentence).
     */
    private String leadClaimant() {
        int after = 0;
        for (Sentence s : sentences) {
            if (!s.lead && after++ >= 2) {
                break;
            }
            Claim c = claimant(s, null);
            if (c.explicit && c.code != null) {
                return c.code;
            }
        }
        return null;
    }

    /**
     * The first place of the host named in the headline, the lead paragraph or the few sentences after it, for
     * lead mentions naming none: wires often name the place one sentence after the news.
     */
    private String leadTheatre(String host) {
        int after = 0;
        for (Sentence s : sentences) {
            if (!s.lead && after++ >= THEATRE_LOOKAHEAD) {
                break;
            }
            for (Hit h : s.hits) {
                if (h.kind() == LexKind.PLACE && h.code().equals(host)) {
                    return h.entry().detail();
                }
                if (h.kind() == LexKind.CAPITAL && h.code().equals(host) && locative(s, h.start(), Status.DEPLOYED)
                        && !speakingPlace(s, h) && !s.tokens.is(h.end(), "'s")) {
                    return text.substring(tokens.start(h.start()), tokens.end(h.end() - 1));
                }
            }
        }
        return null;
    }

    /** A headline about an exercise, a parade, a missile test or sanctions, with no status word, is no deployment. */
    private boolean headlineExcluded() {
        boolean excluded = false;
        boolean trigger = false;
        for (Sentence s : sentences) {
            if (!s.headline) {
                break;
            }
            for (Hit h : s.hits) {
                if (h.kind() == LexKind.EXCLUSION) {
                    excluded = true;
                } else if (h.kind() == LexKind.TRIGGER && !h.code().equals("NONE") && !negatedOrHypothetical(s, h)) {
                    trigger = true;
                }
            }
        }
        return excluded && !trigger;
    }

    // ---------------------------------------------------------------- pass 1: one sentence

    private void readSentence(Sentence s, String claimant, List<Draft> out) {
        for (Hit h : s.hits) {
            if (h.kind() == LexKind.EXCLUSION && h.code().equals("SENTENCE")) {
                return;
            }
        }
        boolean denied = s.has(LexKind.DENIAL);
        boolean hedged = s.has(LexKind.HEDGE);
        boolean front = s.has(LexKind.FRONT) || (frontArticle && s.lead);
        List<Hit> triggers = triggers(s);
        if (triggers.isEmpty()) {
            triggers.addAll(presence(s, triggers)); // a noun phrase states presence only where no verb does
        }
        for (Hit g : triggers) {
            if (g.code().equals("NONE")) {
                continue;
            }
            Status status = Status.valueOf(g.code());
            boolean negated = s.cueBefore(g.start(), LexKind.NEGATION, 6, false) != null;
            // "flexibility of American troops stationed in South Korea": a participle describing the troops
            // states their presence whatever modal governs the clause around it
            boolean describing = status == Status.DEPLOYED && troopEndingAt(s, g.start())
                    && g.entry().detail().isEmpty() && s.form(g.end() - 1).endsWith("ed");
            boolean suppressed = denied || (describing ? negated : negatedOrHypothetical(s, g))
                    || g.entry().detail().equals("STANDALONE") && (modalAfter(s, g) || comparison(s, g));
            // what is denied, negated or imagined does not set the article's context; what is announced does
            boolean unreal = suppressed;
            Hit plan = describing ? null : s.cueBefore(g.start(), LexKind.PLANNING, 7, false);
            if (plan == null && !describing) {
                plan = reportedFuture(s, g);
            }
            if (plan == null && g.entry().detail().equals("STANDALONE")) {
                plan = planningAfter(s, g); // "the deployment will include two squadrons": a noun's own future
            }
            if (plan == null && infinitive(s, g) && !g.entry().detail().equals("STATE")) {
                plan = s.cueBefore(g.start(), LexKind.PLANNING, 10, true);
                if (plan == null) {
                    suppressed = true; // purpose clause: "sent to fight" asserts no fighting
                }
            }
            if (s.lead && (suppressed || plan != null)) {
                if (suppressed && !infinitive(s, g) && plan == null) {
                    headlineMusing = true;
                } else if (headlineIntent == null) {
                    headlineIntent = status;
                }
            }
            if (plan != null && g.entry().detail().equals("STATE")) {
                plan = null; // "will remain in Mali": a continuing presence, not an intention
            }
            boolean announced = false;
            if (plan != null) {
                if (status == Status.WITHDRAWN) {
                    announced = !suppressed && !plan.code().equals("ORDER");
                    suppressed |= !plan.code().equals("ORDER");
                } else if (status == Status.CASUALTIES || status == Status.ENGAGED && plan.code().equals("ORDER")) {
                    suppressed = true;
                } else {
                    status = Status.PLANNED;
                }
            }
            List<Hit> anchors = anchors(s, g, status);
            boolean nominal = status == Status.ENGAGED || g.entry().detail().equals("STANDALONE");
            Hit owner = nominal ? nominalOwner(s, g) : null;
            if (owner != null) {
                anchors = List.of(owner); // "a Russian assault", "an Israeli withdrawal": the owner acts
            }
            boolean standalone = g.entry().detail().equals("STANDALONE");
            boolean pronoun = pronounAnchor(s, g) >= 0;
            // "France left Senegal": in a military story a state leaving a country is its forces leaving
            boolean stateLeaves = anchors.isEmpty() && status == Status.WITHDRAWN && militaryArticle;
            if (anchors.isEmpty() && !standalone && !pronoun && !stateLeaves) {
                continue;
            }
            if (anchors.isEmpty() && civilianNearer(s, g)) {
                continue;
            }
            if (status == Status.DEPLOYED && reinforced(s, g, anchors)) {
                status = Status.REINFORCED;
            }
            List<Hit> anchorList = anchors.isEmpty() ? Collections.singletonList(null) : anchors;
            for (Hit anchor : anchorList) {
                Actors actors = anchor == null && pronoun ? new Actors(List.of(), List.of())
                        : actors(s, g, anchor, status);
                Place firstHost = host(s, g, status, actors.spans);
                List<String> codes = actors.codes.isEmpty() ? Collections.singletonList(null) : actors.codes;
                for (Place host : coordinated(s, firstHost)) {
                    for (String actor : codes) {
                        Draft d = new Draft();
                        d.sentence = s;
                        d.trigger = g;
                        d.status = status;
                        d.suppressed = suppressed;
                        d.unreal = unreal;
                        // a withdrawal asked for, ordered or under way in a purpose clause still sizes the force
                        d.announced = announced || status == Status.WITHDRAWN && suppressed && !denied && !negated;
                        d.actor = actor;
                        d.host = host == null ? null : host.code;
                        d.weakHost = weakHost(s, actor);
                        d.theatre = host == null ? null : host.theatre;
                        d.troops = anchor == null ? null : TroopCounter.countFor(s, anchor);
                        if (d.troops == null) {
                            d.troops = nearbyCount(s, g, anchor);
                        }
                        d.claimant = claimant != null ? claimant : officialActor(s, g, actor);
                        d.hedged = hedged;
                        d.time = EventTimeResolver.resolve(s, g.start(), published);
                        d.aside = circumstance(s, g);
                        d.lead = s.lead && !d.aside && !(anchor != null && modifier(s, g, anchor, triggers));
                        d.corefActor = actor == null
                                && (anchor != null && anchor.kind() == LexKind.TROOP || standalone || pronoun);
                        d.front = front;
                        if (d.host != null && d.actor != null && d.host.equals(d.actor) && !front) {
                            d.suppressed = true; // own forces at home, off any front: not a deployment
                        }
                        out.add(d);
                    }
                }
            }
        }
    }

    /**
     * "an attack on North Korean troops stationed in Kursk": a participle right after its troop noun describes
     * them; beside another status of the sentence it is background, not the news.
     */
    private static boolean modifier(Sentence s, Hit g, Hit anchor, List<Hit> triggers) {
        if (!g.code().equals(Status.DEPLOYED.name()) || anchor.end() != g.start()) {
            return false;
        }
        for (Hit t : triggers) {
            if (t != g && !t.code().equals(Status.DEPLOYED.name()) && !t.code().equals("NONE")) {
                return true;
            }
        }
        return false;
    }

    private static boolean circumstance(Sentence s, Hit g) {
        boolean violent = g.code().equals(Status.CASUALTIES.name()) || g.code().equals(Status.ENGAGED.name());
        for (int k = g.start() - 1; k >= Math.max(s.from, g.start() - 3); k--) {
            if (BACKGROUND_ADVERBS.contains(s.form(k))) {
                return true; // "soldiers previously stationed in Niger"
            }
            if ((s.tokens.is(k, "that") || s.tokens.is(k, "which")) && troopEndingAt(s, k)) {
                return true; // "a unit that had been dispatched to Russia": describes the troops
            }
            Hit casualty = s.at(k, LexKind.TRIGGER);
            if (g.code().equals(Status.ENGAGED.name()) && casualty != null
                    && casualty.code().equals(Status.CASUALTIES.name())) {
                return true; // "killed or wounded fighting in Kursk": how they fell, not a separate news
            }
        }
        if (g.code().equals(Status.ENGAGED.name()) && (s.tokens.is(g.start() - 1, "while")
                || s.tokens.is(g.start() - 1, "when"))) {
            for (int k = g.start() - 2; k >= Math.max(s.from, g.start() - 8); k--) {
                Hit casualty = s.at(k, LexKind.TRIGGER);
                if (casualty != null && casualty.code().equals(Status.CASUALTIES.name())) {
                    return true; // "killed in Kursk while fighting": likewise
                }
            }
        }
        for (int k = g.start() - 1; k >= Math.max(s.from, g.start() - 10); k--) {
            if (g.start() - k <= 6 && (CIRCUMSTANCE.contains(s.form(k))
                    || violent && VIOLENT_CIRCUMSTANCE.contains(s.form(k)))) {
                return true; // "pulled back amid heavy losses": the losses explain the news
            }
            if ((s.tokens.is(k, "which") || s.tokens.is(k, "who")) && s.tokens.is(k - 1, ",")) {
                return true; // ", which spent years fighting militants": a non-restrictive aside
            }
            if (s.strongBoundary(k) || s.tokens.is(k, ",")) {
                return false;
            }
        }
        return false;
    }

    /**
     * "Defence minister Shoigu ordered the troops out": an order or announcement by the actor's own official is
     * that state's claim even without a reporting verb.
     */
    /** Speaker nouns that, as the subject of a status verb, are the troops themselves ("the Israeli army"). */
    private static final Set<String> ARMED = Set.of("army", "military", "command", "forces", "troops");

    private static String officialActor(Sentence s, Hit g, String actor) {
        if (actor == null) {
            return null;
        }
        for (Hit h : s.hits) {
            if (h.start() >= g.start()) {
                break;
            }
            Hit noun = s.at(h.end(), LexKind.SPEAKER);
            boolean official = h.kind() == LexKind.PERSON || h.kind() == LexKind.AGENCY
                    || h.kind() == LexKind.DEMONYM && noun != null && !ARMED.contains(s.form(noun.start()));
            if (official && h.code().equals(actor) && !PREPOSITIONS.contains(s.form(h.start() - 1))) {
                return actor;
            }
        }
        return null;
    }

    /** A presence stated by a noun phrase: "American soldiers in Poland", "Wagner fighters inside Mali". */
    private static final LexEntry PRESENCE = new LexEntry(LexKind.TRIGGER, Status.DEPLOYED.name(),
            "PRESENCE", 0, false, 1);

    private static List<Hit> presence(Sentence s, List<Hit> triggers) {
        List<Hit> out = new ArrayList<>(1);
        for (Hit h : s.hits) {
            if (h.kind() != LexKind.TROOP && h.kind() != LexKind.FORCE) {
                continue;
            }
            int k = h.end();
            if (!(s.tokens.is(k, "in") || s.tokens.is(k, "inside") || s.tokens.is(k, "stationed"))) {
                continue;
            }
            int p = k + 1;
            while (p < s.to && (DIRECTION.contains(s.form(p)) || s.tokens.is(p, "'s")
                    || s.at(p, LexKind.COUNTRY) != null && s.tokens.is(p + 1, "'s"))) {
                p += s.tokens.is(p, "'s") || DIRECTION.contains(s.form(p)) ? 1 : 1;
            }
            boolean place = s.at(p, LexKind.PLACE) != null || s.at(p, LexKind.COUNTRY) != null;
            Hit owner = entityEndingAt(s, h.start());
            boolean explicit = h.kind() == LexKind.FORCE || owner != null
                    && (owner.kind() == LexKind.DEMONYM || owner.kind() == LexKind.COUNTRY);
            boolean covered = false;
            for (Hit t : triggers) {
                covered |= Math.abs(t.start() - k) <= 3;
            }
            if (place && explicit && !covered && !WAR.contains(s.form(p + 1))) {
                out.add(new Hit(PRESENCE, k, k + 1));
            }
        }
        return out;
    }

    /** Status words of the sentence, the longest of overlapping ones; none inside a troop noun. */
    private static List<Hit> triggers(Sentence s) {
        List<Hit> out = new ArrayList<>();
        for (Hit h : s.hits) {
            if (h.kind() != LexKind.TRIGGER) {
                continue;
            }
            boolean covered = false;
            for (Hit o : s.hits) {
                if (o == h) {
                    continue;
                }
                boolean contains = o.start() <= h.start() && o.end() >= h.end()
                        && (o.end() - o.start()) > (h.end() - h.start());
                if (contains && (o.kind() == LexKind.TRIGGER
                        || o.kind() == LexKind.TROOP && !h.code().equals(Status.REINFORCED.name())
                        || o.kind().entity())) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                out.add(h);
            }
        }
        return out;
    }

    private static boolean negatedOrHypothetical(Sentence s, Hit g) {
        if (s.cueBefore(g.start(), LexKind.NEGATION, 6, false) != null) {
            return true;
        }
        if (s.cueBefore(g.start(), LexKind.HYPOTHETICAL, 10, true) != null && reportedFuture(s, g) == null) {
            return true;
        }
        // "if" / "whether" / "neither ... nor" reach across commas inside their clause
        int clause = s.clauseStart(g.start());
        for (int k = clause; k < g.start(); k++) {
            String f = s.form(k);
            if (f.equals("if") || f.equals("unless") || f.equals("whether") || f.equals("neither")) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Pyongyang would send 2,000 sappers, the minister said": "would" right before the status verb of a reported
     * statement is the future of indirect speech, a plan, not a condition. Any conditional word in the sentence
     * ("would send troops if asked") keeps it hypothetical. Returns the "would" cue, or null.
     */
    private static Hit reportedFuture(Sentence s, Hit g) {
        Hit would = s.at(g.start() - 1, LexKind.HYPOTHETICAL);
        if (would == null || !s.tokens.is(g.start() - 1, "would") || !s.has(LexKind.ATTRIBUTION)) {
            return null;
        }
        for (int k = s.from; k < s.to; k++) {
            String f = s.form(k);
            if (f.equals("if") || f.equals("unless") || f.equals("whether") || f.equals("otherwise")) {
                return null;
            }
        }
        return would;
    }

    /** "not as chaotic as the US withdrawal from Afghanistan": a status named as a yardstick is not reported. */
    private static boolean comparison(Sentence s, Hit g) {
        for (int k = g.start() - 1; k >= Math.max(s.from, g.start() - 4); k--) {
            if (s.tokens.is(k, "than") || s.tokens.is(k, "as") && s.tokens.is(k - 2, "as")) {
                return true;
            }
        }
        return false;
    }

    /** A planning cue heading the predicate of a status noun ("the deployment will include", "is to"), or null. */
    private static Hit planningAfter(Sentence s, Hit g) {
        for (int k = g.end(); k < Math.min(s.to, g.end() + 4); k++) {
            Hit h = s.at(k, LexKind.PLANNING);
            if (h != null) {
                return h;
            }
            if (s.strongBoundary(k) || s.tokens.is(k, ",") || s.at(k, LexKind.TRIGGER) != null) {
                return null;
            }
        }
        return null;
    }

    /** "the withdrawal ... would raise the risk": a nominal status that is the subject of a modal is hypothetical. */
    private static boolean modalAfter(Sentence s, Hit g) {
        for (int k = g.end(); k < Math.min(s.to, g.end() + 10); k++) {
            String f = s.form(k);
            if (f.equals("would") || f.equals("could") || f.equals("might")) {
                return true;
            }
            if (s.strongBoundary(k) || s.tokens.is(k, ",") || s.at(k, LexKind.TRIGGER) != null) {
                return false;
            }
        }
        return false;
    }

    /** "to fight", "to help fight", "to be deployed": an infinitive, i.e. a purpose or an intention. */
    private static boolean infinitive(Sentence s, Hit g) {
        int k = g.start() - 1;
        if (s.tokens.is(k, "be") || s.tokens.is(k, "help") || s.tokens.is(k, "been")) {
            k--;
        }
        if (s.tokens.is(k, "help") || s.tokens.is(k, "be")) {
            k--;
        }
        return s.tokens.is(k, "to") && !s.tokens.is(k - 1, "back") && !s.tokens.is(k - 1, "due");
    }

    /** The state word right before a fighting noun ("Russian assault", "a Ukrainian offensive"), or null. */
    private static Hit nominalOwner(Sentence s, Hit g) {
        int k = g.start();
        boolean possessive = s.tokens.is(k - 1, "'s");
        if (possessive) {
            k--;
        }
        for (int st = k - 1; st >= Math.max(s.from, k - 4); st--) {
            for (Hit h : s.startingAt(st)) {
                // "a Russian assault", "Ukraine's offensive"; but in "Ukraine clashed with" the country is a subject
                if (h.end() == k && (h.kind() == LexKind.DEMONYM || possessive && h.kind() == LexKind.COUNTRY)) {
                    return h;
                }
            }
        }
        return null;
    }

    /** Troop nouns the status word is about: the nearest on each side for fighting and losses, else the nearest. */
    private static List<Hit> anchors(Sentence s, Hit g, Status status) {
        Hit left = nearestTroop(s, g.start() - 1, -1, 16);
        if (left == null && status == Status.ENGAGED && (s.tokens.is(g.start() - 1, "while")
                || s.tokens.is(g.start() - 1, "when"))) {
            left = nearestTroop(s, g.start() - 2, -1, 16); // "were killed while fighting": the main clause's subject
        }
        Hit right = nearestTroop(s, g.end(), 1, 12);
        List<Hit> out = new ArrayList<>(2);
        if (status == Status.CASUALTIES && left != null && g.start() - left.end() > 5
                && !participleSubject(s, left, g)) {
            left = null; // "the city captured by Moscow": a passive loss must follow its soldiers closely
        }
        if (status == Status.CASUALTIES && right != null && opponentBetween(s, g.end(), right.start())) {
            right = null; // "injured in battles with Ukrainian forces": the enemy, not the ones who fell
        }
        if (status == Status.CASUALTIES && right != null && !passive(s, g)) {
            out.add(right); // "Ukraine captured two North Korean soldiers": the losses are the object's
            return out;
        }
        if (status == Status.CASUALTIES && left != null && passive(s, g)) {
            out.add(left); // "soldiers have been injured in battles with Ukrainian forces": the subject's
            return out;
        }
        if (status == Status.ENGAGED || status == Status.CASUALTIES) {
            if (left != null) {
                out.add(left);
            }
            if (right != null) {
                out.add(right);
                // "clashes between Ukrainian army and DPRK military": both sides fought
                Hit second = s.tokens.is(right.end(), "and") ? nearestTroop(s, right.end() + 1, 1, 4) : null;
                if (second != null) {
                    out.add(second);
                }
            }
            return out;
        }
        if (left == null && right == null) {
            return out;
        }
        if (left == null || right == null) {
            out.add(left == null ? right : left);
            return out;
        }
        int dl = g.start() - left.end();
        int dr = right.start() - g.end();
        boolean commaLeft = commaBetween(s, left.end(), g.start());
        boolean commaRight = commaBetween(s, g.end(), right.start());
        if (passive(s, g) && !commaLeft) {
            out.add(left); // "troops were sent", "soldiers deployed to"
        } else if (!commaRight && (dr <= 6 || commaLeft)) {
            out.add(right); // "sent more than 1,000 engineering troops": the object
        } else if (commaRight && !commaLeft) {
            out.add(left); // "French troops left Chad, the army said"
        } else {
            out.add(dr <= dl + 1 ? right : left);
        }
        return out;
    }

    private static boolean commaBetween(Sentence s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.tokens.is(k, ",")) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> AUXILIARIES = Set.of("was", "were", "been", "be", "being", "is", "are", "got",
            "get");

    private static boolean opponentBetween(Sentence s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.tokens.is(k, "with") || s.tokens.is(k, "against") || s.tokens.is(k, "by")) {
                return true;
            }
        }
        return false;
    }

    /**
     * "soldiers deployed to the Kursk region of Russia were killed": the troop noun, described by a participle right
     * after it, is the subject of the passive loss however long the description (within the clause).
     */
    private static boolean participleSubject(Sentence s, Hit troop, Hit g) {
        Hit participle = s.at(troop.end(), LexKind.TRIGGER);
        return participle != null && participle.code().equals(Status.DEPLOYED.name()) && passive(s, g)
                && g.start() - troop.end() <= 12 && !commaBetween(s, troop.end(), g.start());
    }

    private static boolean passive(Sentence s, Hit g) {
        int k = g.start() - 1;
        if (s.tokens.is(k, "or") || s.tokens.is(k, "and")) {
            // "were killed or wounded": the second participle shares the first one's auxiliary
            Hit first = s.endingAt(k, LexKind.TRIGGER);
            if (first != null && first.start() < k) {
                return passive(s, first);
            }
        }
        return AUXILIARIES.contains(s.form(g.start() - 1)) || AUXILIARIES.contains(s.form(g.start() - 2))
                && s.form(g.start() - 1).endsWith("ly");
    }

    private static Hit nearestTroop(Sentence s, int from, int step, int window) {
        for (int k = from, n = 0; k >= s.from && k < s.to && n < window; k += step) {
            if (s.strongBoundary(k)) {
                return null;
            }
            if (!s.tokens.punct(k)) {
                n++;
            }
            Hit found = null;
            for (int back = k; back >= Math.max(s.from, k - 4); back--) {
                for (Hit h : s.startingAt(back)) {
                    boolean troop = h.kind() == LexKind.TROOP || h.kind() == LexKind.FORCE;
                    // the longest troop phrase covering k: "UN peacekeepers" (a force) over "peacekeepers"
                    if (troop && h.end() > k && (found == null || h.end() - h.start() > found.end() - found.start())) {
                        found = h;
                    }
                    if (h.kind() == LexKind.CIVILIAN && h.end() > k && found == null) {
                        return null;
                    }
                }
            }
            if (found != null && allied(s, found)) {
                return null; // "fighting alongside Russia's army": the ally is not a second party
            }
            if (found != null && step < 0 && found.end() < from && prepositionalObject(s, found)) {
                // "soldiers, tasked with operations with the Senegalese army, are leaving": not the subject
                k = found.start();
                found = null;
                continue;
            }
            if (found != null) {
                if (found.kind() == LexKind.TROOP && s.at(found.end(), LexKind.CIVILIAN) != null) {
                    return null; // "military" in "military workers" is no troop noun
                }
                if (!adjectiveUse(s, found)) {
                    return found;
                }
                k = step > 0 ? found.end() - 1 : found.start();
            }
        }
        return null;
    }

    private static final Set<String> OBJECT_PREPOSITIONS = Set.of("with", "against", "alongside", "by", "among");

    private static boolean prepositionalObject(Sentence s, Hit troop) {
        for (int k = troop.start() - 1; k >= Math.max(s.from, troop.start() - 4); k--) {
            if (OBJECT_PREPOSITIONS.contains(s.form(k))) {
                return true;
            }
            if (s.tokens.punct(k) && !s.tokens.is(k, "'s") || s.at(k, LexKind.TRIGGER) != null) {
                return false;
            }
        }
        return false;
    }

    private static boolean allied(Sentence s, Hit troop) {
        for (int k = troop.start() - 1; k >= Math.max(s.from, troop.start() - 4); k--) {
            if (s.tokens.is(k, "alongside")) {
                return true;
            }
            if (s.tokens.punct(k) && !s.tokens.is(k, "'s")) {
                return false;
            }
        }
        return false;
    }

    private static final Set<String> NOUN_MODIFIERS = Set.of("military", "army", "troop", "force");

    /**
     * "military" and "army" are troop nouns in "the US military completed" but adjectives in "military
     * manufacturing" / "army chief": a following lower-case word that is not a verb form or function word marks
     * the adjective.
     */
    private static boolean adjectiveUse(Sentence s, Hit h) {
        if (h.end() - h.start() != 1 || !NOUN_MODIFIERS.contains(s.form(h.start()))) {
            return false;
        }
        int n = h.end();
        if (n >= s.to || s.tokens.punct(n) || s.tokens.capitalised(n) || s.tokens.number(n)) {
            return false;
        }
        String next = s.form(n);
        if (next.endsWith("ed") || PREPOSITIONS.contains(next) || AUXILIARIES.contains(next)
                || VERBISH.contains(next)) {
            return false;
        }
        for (Hit o : s.startingAt(n)) {
            if (o.kind() == LexKind.TRIGGER || o.kind() == LexKind.ATTRIBUTION || o.kind() == LexKind.PLANNING
                    || o.kind() == LexKind.HYPOTHETICAL || o.kind() == LexKind.NEGATION) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> VERBISH = Set.of("has", "had", "have", "will", "would", "could", "can", "may",
            "might", "must", "did", "does", "and", "or", "that", "which", "who", "remain", "leave", "withdraw",
            "began", "begin", "continue", "took", "left", "came", "went", "made", "said", "says", "say", "remains",
            "continues", "plans", "wants", "needs", "leaves", "withdraws", "sends", "deploys", "returns", "is", "was",
            "spokesman", "spokeswoman", "spokesperson", "sources", "officials");

    private static boolean civilianNearer(Sentence s, Hit g) {
        for (int k = Math.max(s.from, g.start() - 8); k < Math.min(s.to, g.end() + 8); k++) {
            if (s.at(k, LexKind.CIVILIAN) != null) {
                return true;
            }
        }
        return false;
    }

    /** A pronoun subject standing for troops ("they had been withdrawn"), or -1. */
    private static int pronounAnchor(Sentence s, Hit g) {
        for (int k = g.start() - 1; k >= Math.max(s.from, g.start() - 4); k--) {
            if (PRONOUNS.contains(s.form(k)) && !s.tokens.is(k, "their")) {
                return k;
            }
            if (s.boundary(k)) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean reinforced(Sentence s, Hit g, List<Hit> anchors) {
        if (reinforcementCue(s, g.start() - 4, g.end() + 4)) {
            return true;
        }
        for (Hit a : anchors) {
            if (a != null && reinforcementCue(s, a.start() - 4, a.start())) {
                return true;
            }
        }
        return false;
    }

    private static boolean reinforcementCue(Sentence s, int from, int to) {
        for (int k = Math.max(s.from, from); k < Math.min(s.to, to); k++) {
            Hit h = s.at(k, LexKind.REINFORCEMENT);
            if (h != null && !s.tokens.is(h.end(), "than") && !s.tokens.is(h.end(), "of")) {
                return true;
            }
        }
        return false;
    }

    private static TroopRange nearbyCount(Sentence s, Hit g, Hit anchor) {
        // a counted troop noun elsewhere in the clause ("sent 1,500 special forces ... they were deployed")
        int from = s.clauseStart(g.start());
        int to = s.clauseEnd(g.start());
        for (Hit h : s.hits) {
            if (h.kind() == LexKind.TROOP && h != anchor && h.start() >= from && h.end() <= to
                    && Math.abs(h.start() - g.start()) <= 10) {
                TroopRange r = TroopCounter.countFor(s, h);
                if (r != null) {
                    return r;
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- whose troops

    private record Actors(List<String> codes, List<Hit> spans) {
    }

    private Actors actors(Sentence s, Hit g, Hit anchor, Status status) {
        List<String> codes = new ArrayList<>(2);
        List<Hit> spans = new ArrayList<>(2);
        if (anchor != null && (anchor.kind() == LexKind.FORCE || anchor.kind() == LexKind.DEMONYM
                || anchor.kind() == LexKind.COUNTRY)) {
            codes.add(anchor.code());
            spans.add(anchor);
            return new Actors(codes, spans);
        }
        if (anchor != null) {
            // pre-modifiers: "North Korean soldiers", "Russia's troops", "Indian and Chinese troops", "US forces"
            int k = anchor.start() - 1;
            boolean coordinated = false;
            for (int n = 0; k >= s.from && n < 7; n++) {
                Hit e = entityEndingAt(s, k + 1);
                if (e != null) {
                    // "US" is a name and a demonym: any reading that can modify a troop noun will do
                    for (Hit reading : s.startingAt(e.start())) {
                        String code = reading.end() == e.end() ? actorCode(reading) : null;
                        if (code != null && (reading.kind() == LexKind.DEMONYM || reading.kind() == LexKind.FORCE
                                || reading.kind() == LexKind.COUNTRY && reading.end() == anchor.start()
                                || reading.kind() == LexKind.BLOC && reading.end() == anchor.start())) {
                            addCode(codes, code);
                            spans.add(reading);
                            break;
                        }
                    }
                    k = e.start() - 1;
                    continue;
                }
                String f = s.form(k);
                if (f.equals("'s") && k - 1 >= s.from) {
                    Hit owner = entityEndingAt(s, k);
                    if (owner != null && actorCode(owner) != null) {
                        addCode(codes, actorCode(owner));
                        spans.add(owner);
                    }
                    break;
                }
                if (f.equals("and") || f.equals(",") || f.equals("-") || f.equals("/")) {
                    coordinated |= !f.equals("-");
                    k--;
                    continue;
                }
                boolean compound = !coordinated && s.at(k, LexKind.TROOP) != null; // "infantry battalion"
                if (s.tokens.punct(k) || PREPOSITIONS.contains(f) || s.at(k, LexKind.TRIGGER) != null
                        || s.at(k, LexKind.TROOP) != null && !compound || s.at(k, LexKind.ATTRIBUTION) != null) {
                    break;
                }
                k--;
            }
            if (codes.isEmpty()) {
                // "soldiers from North Korea", "troops of the United Nations"
                int r = anchor.end();
                if ((s.tokens.is(r, "from") && status != Status.WITHDRAWN) || s.tokens.is(r, "of")) {
                    int e = s.tokens.is(r + 1, "the") ? r + 2 : r + 1;
                    for (Hit h : s.startingAt(e)) {
                        String code = actorCode(h);
                        if (code != null && h.kind() != LexKind.PLACE) {
                            addCode(codes, code);
                            spans.add(h);
                            break;
                        }
                    }
                }
            }
        }
        // the sending state is sought only when the troops are the object ("X sent troops", "its troops"); troops
        // that are themselves the subject ("peacekeepers leave") take their state from context instead
        boolean object = anchor == null || anchor.start() > g.start() || possessive(s, anchor)
                || s.tokens.is(g.start() - 1, "to") // "ordered the troops to leave": object of the order
                || anchor.end() == g.start() && g.entry().detail().equals("STANDALONE"); // "troop deployments"
        if (codes.isEmpty() && object && (SENDING.contains(status) || anchor == null || possessive(s, anchor))) {
            Hit subject = subject(s, g, anchor);
            while (subject != null) {
                addCode(codes, actorCode(subject));
                spans.add(subject);
                // "India and China began pulling back": coordinated subjects are all actors
                int k = subject.start() - 1;
                subject = null;
                if (s.tokens.is(k, "and") || s.tokens.is(k, ",")) {
                    for (int st = k - 1; st >= Math.max(s.from, k - 4) && subject == null; st--) {
                        for (Hit h : s.startingAt(st)) {
                            if (subjectKind(h.kind()) && h.end() == k && actorCode(h) != null) {
                                subject = h;
                            }
                        }
                    }
                }
            }
        }
        return new Actors(codes, spans);
    }

    private static void addCode(List<String> codes, String code) {
        if (code != null && !codes.contains(code)) {
            codes.add(code);
        }
    }

    private static boolean possessive(Sentence s, Hit anchor) {
        for (int k = anchor.start() - 1; k >= Math.max(s.from, anchor.start() - 3); k--) {
            if (s.tokens.is(k, "its") || s.tokens.is(k, "their")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sending state: the nearest state word before the status word in its clause that is not a place
     * (after a preposition) and not a speaker ("Seoul said ..."); or the agent after "by".
     */
    private Hit subject(Sentence s, Hit g, Hit anchor) {
        int start = anchor == null ? g.start() : Math.min(g.start(), anchor.start());
        if (s.tokens.is(g.start() - 1, ",") && s.form(g.start()).endsWith("ing")) {
            // "North Korea has become Russia's ally during Moscow's offensive, sending troops": the participle's
            // subject is the sentence's
            for (int k = s.from; k < g.start(); k++) {
                for (Hit h : s.startingAt(k)) {
                    if (subjectKind(h.kind()) && !PREPOSITIONS.contains(s.form(h.start() - 1))
                            && s.at(h.end(), LexKind.ATTRIBUTION) == null) {
                        return h;
                    }
                }
            }
            return null;
        }
        int clause = s.clauseStart(start);
        for (int k = start - 1; k >= clause; k--) {
            for (Hit h : s.startingAt(k)) {
                if (!subjectKind(h.kind()) || h.end() > start) {
                    continue;
                }
                String before = s.form(h.start() - 1);
                String before2 = s.form(h.start() - 2);
                if (PREPOSITIONS.contains(before) || (DIRECTION.contains(before) && PREPOSITIONS.contains(before2))) {
                    continue;
                }
                if (s.at(h.end(), LexKind.ATTRIBUTION) != null) {
                    // "the UN reported that it had finished the withdrawal of its force": the speaker is the
                    // subject only when a pronoun refers back to it
                    if (pronounBetween(s, h.end(), start)) {
                        return h;
                    }
                    continue;
                }
                if (s.tokens.is(h.end(), "'s") && (anchor == null || h.end() + 1 != anchor.start())) {
                    continue; // a possessor of something else ("Moscow's offensive")
                }
                if (h.kind() == LexKind.CAPITAL && s.tokens.is(h.end(), "-")) {
                    continue; // a dateline "SEOUL -"
                }
                return h;
            }
        }
        if (s.tokens.is(g.end(), "by")) {
            for (Hit h : s.startingAt(g.end() + 1)) {
                if (subjectKind(h.kind())) {
                    return h;
                }
            }
        }
        return null;
    }

    private static boolean pronounBetween(Sentence s, int from, int to) {
        for (int k = from; k < to; k++) {
            String f = s.form(k);
            if (f.equals("it") || f.equals("its") || f.equals("they") || f.equals("their")) {
                return true;
            }
        }
        return false;
    }

    private static boolean subjectKind(LexKind k) {
        return k == LexKind.COUNTRY || k == LexKind.CAPITAL || k == LexKind.AGENCY || k == LexKind.PERSON
                || k == LexKind.FORCE || k == LexKind.BLOC;
    }

    private static String actorCode(Hit h) {
        return switch (h.kind()) {
            case COUNTRY, DEMONYM, CAPITAL, AGENCY, FORCE, PERSON -> h.code().length() == 2 ? h.code() : null;
            case BLOC -> h.code().equals("UN") ? "UN" : null;
            default -> null;
        };
    }

    private static Hit entityEndingAt(Sentence s, int end) {
        for (int st = end - 1; st >= Math.max(s.from, end - 6); st--) {
            for (Hit h : s.startingAt(st)) {
                if (h.kind().entity() && h.end() == end && h.kind() != LexKind.PLACE) {
                    return h;
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- where

    private record Place(String code, String theatre, int pos) {
    }

    private Place host(Sentence s, Hit g, Status status, List<Hit> actorSpans) {
        List<Place> candidates = new ArrayList<>();
        for (Hit h : s.hits) {
            if (actorSpans.contains(h) || attributionBetween(s, g, h) || WAR.contains(s.form(h.end()))
                    || warIn(s, h) || helpedIn(s, h) || sourceAfterCue(s, h.start())) {
                continue;
            }
            switch (h.kind()) {
                case PLACE -> candidates.add(new Place(h.code(), h.entry().detail(), h.start()));
                case COUNTRY, CAPITAL -> {
                    boolean possessor = s.tokens.is(h.end(), "'s"); // "on Moscow's side": the state, not a place
                    if (locative(s, h.start(), status) && !possessor) {
                        // a capital names the theatre only where the troops go or are ("a ceremony in Niamey"),
                        // not where someone speaks before the news ("told reporters in Moscow that ...")
                        boolean theatre = h.kind() == LexKind.CAPITAL && h.start() > g.start();
                        candidates.add(new Place(h.code(), theatre
                                ? text.substring(tokens.start(h.start()), tokens.end(h.end() - 1)) : null, h.start()));
                    } else if (s.tokens.is(h.end(), "'s") && territory(s, h.end() + 1)) {
                        candidates.add(new Place(h.code(), null, h.start()));
                    }
                }
                case DEMONYM -> {
                    if (territory(s, h.end()) && locative(s, h.start(), status)) {
                        candidates.add(new Place(h.code(), null, h.start()));
                    }
                }
                default -> {
                }
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        boolean specific = false;
        for (Place p : candidates) {
            specific |= !p.code.equals("ZZ");
        }
        Place best = null;
        int bestScore = Integer.MAX_VALUE;
        for (Place p : candidates) {
            if (specific && p.code.equals("ZZ")) {
                continue;
            }
            int d = p.pos >= g.start() ? p.pos - g.end() : (g.start() - p.pos) + 3;
            if (d < bestScore) {
                bestScore = d;
                best = p;
            }
        }
        if (best == null) {
            return null;
        }
        String theatre = best.theatre;
        if (theatre == null || !best.code.equals("ZZ")) {
            // the most specific named place of the host in the sentence, nearest to the status word
            int bestD = Integer.MAX_VALUE;
            for (Place p : candidates) {
                if (p.code.equals(best.code) && p.theatre != null) {
                    int d = Math.abs(p.pos - g.start());
                    if (d < bestD) {
                        bestD = d;
                        theatre = p.theatre;
                    }
                }
            }
        }
        return new Place(best.code, theatre, best.pos);
    }

    /** "told reporters in Moscow", "speaking in Brussels": where words were said, not where troops are. */
    private static boolean speakingPlace(Sentence s, Hit capital) {
        for (int k = capital.start() - 1; k >= Math.max(s.from, capital.start() - 4); k--) {
            if (s.at(k, LexKind.ATTRIBUTION) != null || s.tokens.is(k, "speaking") || s.tokens.is(k, "reporters")) {
                return true;
            }
        }
        return false;
    }

    /**
     * "withdrawn from Chad, Mali, Niger and Burkina Faso": every country of a list is a host. A list is only a list
     * when "and"/"or" closes it; "sent to Russia, South Korea's spy agency said" is a host followed by a speaker.
     */
    private static List<Place> coordinated(Sentence s, Place first) {
        if (first == null) {
            return Collections.singletonList(null);
        }
        List<Place> out = new ArrayList<>(2);
        out.add(first);
        int k = first.pos;
        Hit h = countryAt(s, k);
        if (h == null) {
            return out;
        }
        List<Place> rest = new ArrayList<>(2);
        int end = h.end();
        while (end < s.to && (s.tokens.is(end, ",") || s.tokens.is(end, "and") || s.tokens.is(end, "or"))) {
            boolean closing = !s.tokens.is(end, ",");
            int next = end + 1;
            if (s.tokens.is(end, ",") && (s.tokens.is(next, "and") || s.tokens.is(next, "or"))) {
                closing = true;
                next++;
            }
            Hit c = countryAt(s, next);
            if (c == null || s.tokens.is(c.end(), "'s")) {
                break;
            }
            rest.add(new Place(c.code(), null, c.start()));
            end = c.end();
            if (closing) {
                out.addAll(rest);
                break;
            }
        }
        return out;
    }

    private static Hit countryAt(Sentence s, int k) {
        for (Hit h : s.startingAt(k)) {
            if (h.kind() == LexKind.COUNTRY) {
                return h;
            }
        }
        return null;
    }

    /** "since the start of the war in the Gaza Strip": the place of a war named in passing is no host. */
    private static boolean warIn(Sentence s, Hit place) {
        for (int k = place.start() - 1; k >= Math.max(s.from, place.start() - 3); k--) {
            if (WAR.contains(s.form(k))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "troops to support Russia in Ukraine": the place after the helped state says where that state acts, not where
     * the helpers go; the helped state ({@link #weakHost}) is their host.
     */
    private static boolean helpedIn(Sentence s, Hit place) {
        if (!s.tokens.is(place.start() - 1, "in")) {
            return false;
        }
        Hit helped = entityEndingAt(s, place.start() - 1);
        return helped != null && (helped.kind() == LexKind.COUNTRY || helped.kind() == LexKind.CAPITAL)
                && ALLY.contains(s.form(helped.start() - 1));
    }

    /** "..., he added, speaking in Brussels": a place on the far side of an attribution is the speaker's. */
    private static boolean attributionBetween(Sentence s, Hit g, Hit place) {
        return s.startsBetween(LexKind.ATTRIBUTION, Math.min(g.end(), place.end()),
                Math.max(g.start(), place.start()));
    }

    /** Words after which a country is the one the troops help, hence where they are when nothing else says. */
    private static final Set<String> ALLY = Set.of("alongside", "help", "aid", "assist", "support", "supporting",
            "helping", "aiding", "assisting", "backing", "reinforce");

    /** "fighting alongside Russia", "sent to help Russia": the helped state, a host of last resort. */
    private static String weakHost(Sentence s, String actor) {
        for (Hit h : s.hits) {
            if ((h.kind() == LexKind.COUNTRY || h.kind() == LexKind.CAPITAL) && ALLY.contains(s.form(h.start() - 1))
                    && !h.code().equals(actor)) {
                return h.code();
            }
        }
        return null;
    }

    private boolean locative(Sentence s, int start, Status status) {
        if (s.at(start - 1, LexKind.TRIGGER) != null || s.endingAt(start, LexKind.TRIGGER) != null
                || s.tokens.is(start - 1, "the") && s.endingAt(start - 1, LexKind.TRIGGER) != null) {
            return true; // "left Chad", "entered Ukraine": the place is the verb's object
        }
        int k = start - 1;
        int n = 0;
        while (k >= s.from && n < 3 && (DIRECTION.contains(s.form(k)) || s.tokens.is(k, "-"))) {
            k--;
            n++;
        }
        String f = s.form(k);
        if (f.equals("to") && PROXIMITY.contains(s.form(k - 1))) {
            return false; // "moved closer to Ukraine": near a country, not in it
        }
        if (LOCATIVE.contains(f)) {
            return true;
        }
        if (f.equals("from") || (f.equals("of") && s.tokens.is(k - 1, "out"))) {
            return status == Status.WITHDRAWN || status == Status.REDEPLOYED;
        }
        return false;
    }

    private static boolean territory(Sentence s, int k) {
        for (int i = k; i < Math.min(s.to, k + 3); i++) {
            if (TERRITORY.contains(s.form(i))) {
                return true;
            }
            if (s.tokens.punct(i)) {
                return false;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- who says so

    private record Claim(String code, boolean explicit) {
    }

    private Claim claimant(Sentence s, String last) {
        Claim best = null;
        for (Hit cue : s.hits) {
            if (cue.kind() != LexKind.ATTRIBUTION) {
                continue;
            }
            Speaker sp;
            if (cue.code().equals("AFTER")) {
                sp = speakerAfter(s, cue.end());
            } else if (introducedNoun(s, cue)) {
                continue; // "according to new reports": the noun that an earlier cue introduces, not a verb
            } else {
                // ', said the official' / '"...," Zelensky said': inverted order only right after a comma or quote
                String before = s.form(cue.start() - 1);
                boolean inverted = cue.start() == s.from || before.equals(",") || isQuote(before);
                sp = inverted ? speakerAfter(s, cue.end()) : null;
                if (sp == null) {
                    sp = speakerBefore(s, cue.start());
                }
            }
            if (sp == null) {
                continue;
            }
            // an unnamed "official" speaks for the last named source, else for the dateline's country
            Claim c = sp.code != null ? new Claim(sp.code, true)
                    : last != null ? new Claim(last, false) : new Claim(datelineCountry, datelineCountry != null);
            if (c.code != null && (best == null || rank(c) > rank(best))) {
                best = c;
            }
        }
        if (best == null && s.headline) {
            best = headlineSource(s);
        }
        if (best == null) {
            for (Hit h : s.hits) {
                if (h.kind() == LexKind.MEDIA && (h.end() - h.start() > 1 || s.tokens.is(h.start() - 1, "to"))) {
                    best = new Claim("media", true);
                    break;
                }
            }
        }
        if (best == null && s.to > s.from && isQuote(s.form(s.from)) && last != null) {
            best = new Claim(last, false); // reported speech continues the previous speaker
        }
        return best == null ? new Claim(null, false) : best;
    }

    /** "according to media reports", "citing the claims": a cue word right after "according to" is a noun. */
    private static boolean introducedNoun(Sentence s, Hit cue) {
        return sourceAfterCue(s, cue.start());
    }

    /** Token {@code at} opens the source named by "according to" / "citing" ("according to US officials"). */
    private static boolean sourceAfterCue(Sentence s, int at) {
        for (int k = Math.max(s.from, at - 4); k < at; k++) {
            for (Hit h : s.startingAt(k)) {
                if (h.kind() == LexKind.ATTRIBUTION && h.code().equals("AFTER") && h.end() <= at
                        && at - h.end() <= 2) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A named state or bloc outranks "media" (an outlet citing an official), which outranks an inherited one. */
    private static int rank(Claim c) {
        return !c.explicit ? 0 : c.code.equals("media") ? 1 : 2;
    }

    private static boolean isQuote(String f) {
        return f.equals("\"") || f.equals("\u201c") || f.equals("'");
    }

    /** "North Korea has deployed more troops to Russia: Seoul" - a headline source after the colon. */
    private Claim headlineSource(Sentence s) {
        for (int k = s.to - 1; k > Math.max(s.from, s.to - 6); k--) {
            if (s.tokens.is(k, ":") || s.tokens.is(k, "-")) {
                Speaker sp = speakerAfter(s, k + 1);
                // "...: Seoul" names a source; "... - AFP" only credits the wire
                return sp == null || sp.code == null || sp.code.equals("media") ? null : new Claim(sp.code, true);
            }
        }
        return null;
    }

    private record Speaker(String code) {
    }

    private Speaker speakerBefore(Sentence s, int cueStart) {
        Hit adjacent = entityEndingAt(s, cueStart);
        if (adjacent != null && adjacent.code().length() == 2 && adjacent.kind() != LexKind.DEMONYM) {
            return new Speaker(adjacent.code()); // "the military council of Niger said"
        }
        int k0 = cueStart - 1;
        if (adjacent == null && k0 > s.from && s.tokens.capitalised(k0) && s.startingAt(k0).isEmpty()
                && !s.tokens.capitalised(k0 - 1) && !s.tokens.punct(k0)) {
            return new Speaker(null); // "Khinshtein said": a person named before, who speaks for that source
        }
        for (int k = cueStart - 1; k >= Math.max(s.from, cueStart - 10); k--) {
            if (s.tokens.is(k, ";")) {
                return null;
            }
            Speaker sp = speakerAt(s, k);
            if (sp != null) {
                Speaker first = sp.code == null ? null : coordinatedFirst(s, k);
                return first != null ? first : sp;
            }
        }
        return null;
    }

    /** "The US military and Nigerien officials announced": a joint statement is credited to the first named. */
    private Speaker coordinatedFirst(Sentence s, int k) {
        for (int j = k - 1; j >= Math.max(s.from, k - 3); j--) {
            if (s.tokens.is(j, "and")) {
                for (int i = j - 1; i >= Math.max(s.from, j - 4); i--) {
                    Speaker sp = speakerAt(s, i);
                    if (sp != null) {
                        return sp.code == null ? null : sp;
                    }
                }
                return null;
            }
            if (s.tokens.punct(j)) {
                return null;
            }
        }
        return null;
    }

    private Speaker speakerAfter(Sentence s, int from) {
        for (int k = from; k < Math.min(s.to, from + 8); k++) {
            if (s.tokens.is(k, ";") || s.tokens.is(k, ".")) {
                return null;
            }
            Speaker sp = speakerAt(s, k);
            if (sp != null) {
                return sp;
            }
        }
        return null;
    }

    /** A speaker starting at token k: a state word (with "officials" etc. for demonyms), a person, an outlet. */
    private Speaker speakerAt(Sentence s, int k) {
        for (Hit h : s.startingAt(k)) {
            switch (h.kind()) {
                case PERSON, AGENCY, COUNTRY, CAPITAL, FORCE -> {
                    String before = s.form(h.start() - 1);
                    boolean ofSpeaker = (before.equals("from") || before.equals("of"))
                            && s.endingAt(h.start() - 1, LexKind.SPEAKER) != null;
                    if (h.code().length() == 2 && (!PREPOSITIONS.contains(before) || ofSpeaker
                            || s.tokens.is(h.end(), "'s"))) {
                        return new Speaker(h.code());
                    }
                }
                case BLOC -> {
                    if (!s.tokens.is(h.start() - 1, "told")) {
                        return new Speaker(h.code());
                    }
                }
                case OUTLET -> {
                    if (!s.tokens.is(h.start() - 1, "told")) {
                        return new Speaker("media"); // "told AFP": the outlet is the listener
                    }
                }
                case DEMONYM -> {
                    for (int j = h.end(); j < Math.min(s.to, h.end() + 4); j++) {
                        Hit sp = s.at(j, LexKind.SPEAKER);
                        if (sp != null) {
                            if (s.tokens.is(j, "media") || s.form(j).startsWith("state")) {
                                return new Speaker(h.code());
                            }
                            return new Speaker(h.code());
                        }
                        if (s.at(j, LexKind.MEDIA) != null) {
                            return new Speaker("media");
                        }
                    }
                }
                case SPEAKER -> {
                    // "Niger's military", "a Lebanese security source", "Seoul's spy agency"
                    for (int j = h.start() - 1; j >= Math.max(s.from, h.start() - 3); j--) {
                        if (s.tokens.is(j, "'s")) {
                            Hit owner = entityEndingAt(s, j);
                            return owner != null && owner.code().length() == 2 ? new Speaker(owner.code())
                                    : new Speaker(null);
                        }
                        Hit e = entityEndingAt(s, j + 1);
                        if (e != null && e.kind() == LexKind.DEMONYM) {
                            return new Speaker(e.code());
                        }
                        // "NATO officials", "Pentagon officials": the body before the noun is the source
                        if (e != null && (e.kind() == LexKind.BLOC || e.kind() == LexKind.AGENCY
                                || e.kind() == LexKind.COUNTRY) && actorCodeOrBloc(e) != null) {
                            return new Speaker(actorCodeOrBloc(e));
                        }
                        if (e != null || s.tokens.punct(j)) {
                            break;
                        }
                    }
                    return new Speaker(null);
                }
                case MEDIA -> {
                    return new Speaker("media");
                }
                default -> {
                }
            }
        }
        return null;
    }

    private static String actorCodeOrBloc(Hit h) {
        return h.kind() == LexKind.BLOC ? (h.code().equals("EU") ? null : h.code()) : actorCode(h);
    }

    // ---------------------------------------------------------------- pass 2: article context and lead

    private void resolveFromContext(List<Draft> drafts) {
        Map<String, Integer> pairs = new HashMap<>();
        for (Draft d : drafts) {
            if (d.actor != null && d.host != null && !d.unreal && (!d.actor.equals(d.host) || d.front)) {
                int w = d.sentence.headline ? 3 : d.lead ? 2 : 1;
                pairs.merge(d.actor + "|" + d.host, w, Integer::sum);
            }
        }
        if (pairs.isEmpty()) {
            return;
        }
        List<Draft> extra = new ArrayList<>();
        for (Draft d : drafts) {
            if (d.actor != null && "ZZ".equals(d.host)) {
                // "the Sahel" in a story about Niger is Niger: a region yields to the actor's named country
                String specific = bestSpecific(pairs, d.actor);
                if (specific != null) {
                    d.host = specific;
                    d.theatre = null;
                }
            }
            if (d.actor != null && d.host == null) {
                d.host = best(pairs, d.actor, true);
            } else if (d.actor == null && d.corefActor) {
                List<String> actors = d.host == null ? topActors(pairs, null) : topActors(pairs, d.host);
                if (actors.isEmpty()) {
                    continue;
                }
                if (d.host == null) {
                    d.host = best(pairs, actors.get(0), true);
                }
                d.actor = actors.get(0);
                for (int i = 1; i < actors.size(); i++) {
                    Draft copy = copy(d);
                    copy.actor = actors.get(i);
                    extra.add(copy);
                }
            }
        }
        drafts.addAll(extra);
    }

    private static Draft copy(Draft d) {
        Draft c = new Draft();
        c.sentence = d.sentence;
        c.trigger = d.trigger;
        c.status = d.status;
        c.suppressed = d.suppressed;
        c.actor = d.actor;
        c.host = d.host;
        c.theatre = d.theatre;
        c.troops = d.troops;
        c.claimant = d.claimant;
        c.hedged = d.hedged;
        c.time = d.time;
        c.lead = d.lead;
        c.corefActor = d.corefActor;
        c.front = d.front;
        c.weakHost = d.weakHost;
        c.announced = d.announced;
        c.unreal = d.unreal;
        c.aside = d.aside;
        return c;
    }

    /** The heaviest host for an actor (byActor) or actor for a host. */
    private static String best(Map<String, Integer> pairs, String key, boolean byActor) {
        String best = null;
        int weight = 0;
        for (Map.Entry<String, Integer> e : pairs.entrySet()) {
            String[] ah = e.getKey().split("\\|");
            if ((byActor ? ah[0] : ah[1]).equals(key) && e.getValue() > weight) {
                weight = e.getValue();
                best = byActor ? ah[1] : ah[0];
            }
        }
        return best;
    }

    private static String bestSpecific(Map<String, Integer> pairs, String actor) {
        String best = null;
        int weight = 0;
        for (Map.Entry<String, Integer> e : pairs.entrySet()) {
            String[] ah = e.getKey().split("\\|");
            if (ah[0].equals(actor) && !ah[1].equals("ZZ") && !ah[1].equals(actor) && e.getValue() > weight) {
                weight = e.getValue();
                best = ah[1];
            }
        }
        return best;
    }

    /** Actors of the heaviest pairs (all of them on a tie, e.g. two armies disengaging), for a host or overall. */
    private static List<String> topActors(Map<String, Integer> pairs, String host) {
        int weight = 0;
        for (Map.Entry<String, Integer> e : pairs.entrySet()) {
            if (host == null || e.getKey().endsWith("|" + host)) {
                weight = Math.max(weight, e.getValue());
            }
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : pairs.entrySet()) {
            if ((host == null || e.getKey().endsWith("|" + host)) && e.getValue() == weight && weight > 0) {
                String a = e.getKey().substring(0, e.getKey().indexOf('|'));
                if (!out.contains(a)) {
                    out.add(a);
                }
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private List<Mention> finish(List<Draft> drafts) {
        List<Draft> kept = new ArrayList<>();
        List<Draft> announced = new ArrayList<>();
        for (Draft d : drafts) {
            if (d.host == null && d.actor != null) {
                d.host = d.weakHost;
            }
            if (d.announced && d.actor != null && d.host != null && d.troops != null) {
                announced.add(d);
            }
            if (d.suppressed || d.actor == null || d.host == null) {
                continue;
            }
            if (d.actor.equals(d.host) && !d.front) {
                continue;
            }
            if (d.lead && d.time != null && published != null && d.time.to() != null
                    && d.time.to().isBefore(published.minusDays(BACKGROUND_DAYS))) {
                d.lead = false; // a dated background fact in the lead paragraph
            }
            kept.add(d);
        }
        kept = withoutPassingActors(kept);
        kept.sort(Comparator.comparingInt((Draft d) -> d.sentence.index).thenComparingInt(d -> d.trigger.start()));
        chooseLead(kept);
        leadTroopsFromBody(kept, announced);
        String leadClaimant = leadClaimant();
        Map<String, String> situationClaimant = new HashMap<>();
        // the official source the lead paragraph itself gives for a situation covers its unattributed headline
        // (an outlet's "reports" there yields to the officials the body credits with the event)
        Map<String, String> leadSourced = new HashMap<>();
        for (Draft d : kept) {
            if (d.lead && d.claimant != null && !d.claimant.equals("media") && !d.sentence.headline) {
                leadSourced.putIfAbsent(d.actor + "|" + d.host, d.claimant);
            }
        }
        for (Draft d : kept) {
            if (d.lead && d.claimant == null) {
                // else whoever the body credits with the same event; else the lead paragraph's first source
                String own = leadSourced.get(d.actor + "|" + d.host);
                String same = own != null ? own : sameEventClaimant(kept, d);
                d.claimant = same != null ? same : leadClaimant;
            }
            if (d.lead && d.theatre == null) {
                d.theatre = leadTheatre(d.host);
            }
            if (d.lead && d.claimant != null) {
                // "media report, citing Ukrainian officials": the officials outrank the outlet that relays them
                situationClaimant.merge(d.actor + "|" + d.host, d.claimant,
                        (a, b) -> a.equals("media") && !b.equals("media") ? b : a);
            }
        }
        for (Map.Entry<String, String> e : situationClaimant.entrySet()) {
            if (e.getValue().equals("media")) {
                String official = relayedOfficial(kept, e.getKey());
                if (official != null) {
                    e.setValue(official);
                }
            }
        }
        for (Draft d : kept) {
            if (d.lead) {
                d.claimant = situationClaimant.getOrDefault(d.actor + "|" + d.host, d.claimant);
            }
        }
        List<Mention> out = new ArrayList<>(Math.min(kept.size(), MAX_MENTIONS));
        Set<String> seen = new LinkedHashSet<>();
        for (Draft d : kept) {
            if (out.size() >= MAX_MENTIONS) {
                break;
            }
            String key = d.actor + d.host + d.status + d.sentence.index + d.trigger.start();
            if (!seen.add(key)) {
                continue;
            }
            Sentence s = d.sentence;
            out.add(new Mention(d.actor, d.host, d.theatre, d.status, d.lead, d.troops, d.claimant, d.hedged, d.time,
                    new Evidence(s.text(text), s.startChar, s.endChar)));
        }
        return out;
    }

    /**
     * A lead often states the event and leaves its size to the body ("France completed its withdrawal ... The
     * roughly 1,500 soldiers ..."). When a situation's lead gives no number, the first body mention of the same
     * situation and status that does (and is not dated background) supplies it.
     */
    private void leadTroopsFromBody(List<Draft> kept, List<Draft> announced) {
        Map<String, TroopRange> found = new HashMap<>();
        for (Draft d : kept) {
            if (d.lead && d.troops != null) {
                found.put(d.actor + "|" + d.host, d.troops);
            }
        }
        for (Draft d : kept) {
            String key = d.actor + "|" + d.host;
            if (!d.lead || found.containsKey(key)) {
                continue;
            }
            TroopRange size = leadParagraphSize(d.actor);
            if (size == null) {
                size = bodyCount(kept, key, d.status);
            }
            if (size == null && d.status == Status.WITHDRAWN) {
                // "would pull out its 1,500 soldiers": a withdrawal is announced or demanded before it happens, so
                // the size named then, even months before, is the size of the force now leaving
                size = bodyCount(announced, key, Status.WITHDRAWN, true);
            }
            if (size == null) {
                // the size of the force stated with another verb: the one sent, planned, or stationed
                for (Status other : List.of(Status.DEPLOYED, Status.PLANNED, Status.REINFORCED)) {
                    size = size == null && other != d.status ? bodyCount(kept, key, other) : size;
                }
            }
            if (size != null) {
                d.troops = size;
                found.put(key, size);
            }
        }
    }

    /**
     * "The size of the new contingent is unknown, but officials put it at 2,000 to 4,000 soldiers": a lead-paragraph
     * sentence with no status word that counts troops sizes the lead, unless the troops are named as another
     * state's. Sentences with a status word already gave their counts to their own mentions.
     */
    private TroopRange leadParagraphSize(String actor) {
        for (Sentence s : sentences) {
            if (!s.lead) {
                break;
            }
            boolean status = false;
            for (Hit h : s.hits) {
                status |= h.kind() == LexKind.TRIGGER && !h.code().equals("NONE");
            }
            if (status) {
                continue;
            }
            for (Hit h : s.hits) {
                if (h.kind() == LexKind.TROOP && !othersTroops(s, h, actor)) {
                    TroopRange r = TroopCounter.countFor(s, h);
                    if (r != null) {
                        return r;
                    }
                }
            }
        }
        return null;
    }

    /** "1,000 Ukrainian soldiers" in a story about another state's troops: a state word within the noun phrase. */
    private static boolean othersTroops(Sentence s, Hit noun, String actor) {
        for (int k = Math.max(s.from, noun.start() - 4); k < noun.start(); k++) {
            for (Hit h : s.startingAt(k)) {
                if ((h.kind() == LexKind.DEMONYM || h.kind() == LexKind.COUNTRY) && !h.code().equals(actor)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A state's troops mentioned in passing in a story about another's ("as Ukrainian forces braced") are not the
     * story: an actor with no lead mention and under half the weight of the main actor is dropped.
     */
    private static List<Draft> withoutPassingActors(List<Draft> kept) {
        Map<String, Integer> weight = new HashMap<>();
        Set<String> leading = new HashSet<>();
        for (Draft d : kept) {
            weight.merge(d.actor, d.sentence.headline ? 3 : d.lead ? 2 : 1, Integer::sum);
            if (d.lead) {
                leading.add(d.actor);
            }
        }
        int top = 0;
        for (int w : weight.values()) {
            top = Math.max(top, w);
        }
        List<Draft> out = new ArrayList<>(kept.size());
        for (Draft d : kept) {
            if (leading.contains(d.actor) || 2 * weight.get(d.actor) >= top) {
                out.add(d);
            }
        }
        return out;
    }

    /** A lead DEPLOYED stated by a verb ("has replaced", "will remain in"), not by a noun such as "presence". */
    private static boolean verbalDeployment(List<Draft> kept, String situation) {
        for (Draft d : kept) {
            String kind = d.trigger.entry().detail();
            if (d.lead && d.status == Status.DEPLOYED && situation.equals(d.actor + "|" + d.host)
                    && (kind.isEmpty() || kind.equals("STATE"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean headlineStates(List<Draft> kept, String situation, Status status) {
        for (Draft d : kept) {
            if (d.sentence.headline && d.status == status && situation.equals(d.actor + "|" + d.host)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "..., the newspaper reports. According to Ukrainian and US officials, the soldiers were withdrawn": an outlet
     * credited in the lead relays the officials it names right after, in the lead paragraph or the two sentences
     * following it; the first such official source for the situation asserts the lead.
     */
    private String relayedOfficial(List<Draft> kept, String situation) {
        int lastLead = -1;
        for (Sentence s : sentences) {
            if (s.lead) {
                lastLead = s.index;
            }
        }
        for (Draft d : kept) {
            if (d.sentence.index <= lastLead + 2 && !d.sentence.headline && d.claimant != null
                    && !d.claimant.equals("media") && !d.aside && situation.equals(d.actor + "|" + d.host)) {
                return d.claimant;
            }
        }
        return null;
    }

    private static String sameEventClaimant(List<Draft> kept, Draft lead) {
        for (Draft b : kept) {
            if (!b.lead && !b.aside && b.claimant != null && b.status == lead.status && b.actor.equals(lead.actor)
                    && b.host.equals(lead.host)) {
                return b.claimant;
            }
        }
        return null;
    }

    private TroopRange bodyCount(List<Draft> drafts, String situation, Status status) {
        return bodyCount(drafts, situation, status, false);
    }

    private TroopRange bodyCount(List<Draft> drafts, String situation, Status status, boolean dated) {
        for (Draft b : drafts) {
            if (!b.lead && b.troops != null && b.status == status && situation.equals(b.actor + "|" + b.host)
                    && (dated || !background(b)) && !b.aside) {
                return b.troops;
            }
        }
        return null;
    }

    private boolean background(Draft d) {
        return d.time != null && published != null && d.time.to() != null
                && d.time.to().isBefore(published.minusDays(BACKGROUND_DAYS));
    }

    /**
     * The lead is what the headline and first paragraph report, "usually one status, at most two" per
     * situation: the headline's statuses first, then the first paragraph's in order. An article whose lead
     * states nothing extractable leads with its first mention.
     */
    private void chooseLead(List<Draft> kept) {
        Map<String, List<Status>> leadStatuses = new LinkedHashMap<>();
        for (int pass = 0; pass < 2; pass++) {
            for (Draft d : kept) {
                if (!d.lead || d.sentence.headline != (pass == 0)) {
                    continue;
                }
                List<Status> l = leadStatuses.computeIfAbsent(d.actor + "|" + d.host, k -> new ArrayList<>());
                if (!l.contains(d.status)) {
                    l.add(d.status);
                }
            }
        }
        for (Map.Entry<String, List<Status>> e : leadStatuses.entrySet()) {
            List<Status> l = e.getValue();
            if (l.size() > 2 && l.contains(Status.DEPLOYED) && !headlineStates(kept, e.getKey(), Status.DEPLOYED)) {
                l.remove(Status.DEPLOYED);
            }
            while (l.size() > 2) {
                l.remove(l.size() - 1);
            }
        }
        if (leadStatuses.isEmpty() && !kept.isEmpty()) {
            // the headline announced it ("troops to disengage") and the body reports it under way: the first
            // such mention leads; a headline that only muses ("considering withdrawing") has no lead
            for (Draft d : kept) {
                if (headlineIntent == null ? !headlineMusing : d.status == headlineIntent) {
                    d.lead = true;
                    break;
                }
            }
            return;
        }
        // presence stated beside a withdrawal, a fight or losses is their background, unless the headline says it
        for (Map.Entry<String, List<Status>> e : leadStatuses.entrySet()) {
            List<Status> l = e.getValue();
            if (l.contains(Status.DEPLOYED) && l.size() > 1 && !headlineStates(kept, e.getKey(), Status.DEPLOYED)
                    && !verbalDeployment(kept, e.getKey())) {
                l.remove(Status.DEPLOYED);
            }
        }
        for (Draft d : kept) {
            if (d.lead) {
                List<Status> l = leadStatuses.get(d.actor + "|" + d.host);
                d.lead = l != null && l.contains(d.status);
            }
        }
    }
}
