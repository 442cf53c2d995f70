package dev.troopwatch.track;

import static dev.troopwatch.extract.Status.CASUALTIES;
import static dev.troopwatch.extract.Status.DEPLOYED;
import static dev.troopwatch.extract.Status.ENGAGED;
import static dev.troopwatch.extract.Status.PLANNED;
import static dev.troopwatch.extract.Status.REDEPLOYED;
import static dev.troopwatch.extract.Status.REINFORCED;
import static dev.troopwatch.extract.Status.WITHDRAWN;

import dev.troopwatch.alert.Alert;
import dev.troopwatch.alert.AlertType;
import dev.troopwatch.alert.ArticleEvidence;
import dev.troopwatch.alert.Corroboration;
import dev.troopwatch.alert.SituationRef;
import dev.troopwatch.extract.Mention;
import dev.troopwatch.extract.Status;
import dev.troopwatch.extract.TroopRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * "Given what we knew, is this report a change, and of what kind?" A pure function of the prior state of one
 * situation, its recent fingerprints and one report's mentions of it; no Kafka, no clock (the detection time is
 * passed in). The situation's history and fingerprints are kept outside the state, one record per report: the
 * decision says which to add and which to drop, the caller's stores do it.
 *
 * <p>Rules, in the order they are applied:
 * <ol>
 *   <li>An article the situation has already recorded (the caller looks it up by id and publication time) is a
 *       duplicate and changes nothing.</li>
 *   <li>A near-duplicate of a recent report of the situation ({@link SyndicationDetector}) is a reprint: it adds a
 *       report to the corroboration of the status it repeats, never an independent source or an alert.</li>
 *   <li>In a withdrawal story (lead WITHDRAWN without REDEPLOYED) the lead's presence statements (DEPLOYED,
 *       REINFORCED) describe the deployment that ends: they count as background, and combat it mentions is not a
 *       return to the front.</li>
 *   <li>A report with no lead statement of the situation only adds to history.</li>
 *   <li>A report published before the latest applied report is late: history only, the state never flips back.</li>
 *   <li>For a situation with no status yet, the report's background statements (those not repeating a lead status
 *       and not dated on or after the report) seed the prior state: the furthest lifecycle stage among them is the
 *       prior status, and combat, losses, withdrawals, theatres, troops and official claims they mention count as
 *       known. So a story whose news is "back at the front" yields WITHDRAWN -> REDEPLOYED, not a new deployment.
 *       A background withdrawal does not seed a story whose news is plain presence (DEPLOYED without REDEPLOYED):
 *       a return is only inferred when the report says so.</li>
 *   <li>Each lead status is compared with what was known (see {@link #transitions}); only a real change alerts,
 *       and alerts of one report are ordered by {@link AlertType}'s declaration order.</li>
 * </ol>
 * A denial asserts nothing (the extractor emits no mention for it), so it can never revert a status.
 */
public final class TransitionDecider {
    /** Statuses that say troops are in the host. */
    private static final Set<Status> PRESENCE = EnumSet.of(DEPLOYED, REINFORCED, ENGAGED, CASUALTIES, REDEPLOYED);
    /** Which status becomes current when one report changes several: the one that says where the troops stand. */
    private static final List<Status> CURRENT_PRECEDENCE =
            List.of(WITHDRAWN, REDEPLOYED, DEPLOYED, ENGAGED, CASUALTIES, REINFORCED, PLANNED);
    /** Lifecycle stage of a background status, for seeding: the furthest stage is where the story stood. */
    private static final List<Status> LIFECYCLE =
            List.of(PLANNED, DEPLOYED, REINFORCED, ENGAGED, CASUALTIES, WITHDRAWN, REDEPLOYED);

    private static final int MAX_HISTORY_SENTENCE = 600;

    private final TrackingPolicy policy;
    private final SyndicationDetector syndication;

    public TransitionDecider(TrackingPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.syndication = SyndicationDetector.of(policy);
    }

    /** The limits this decider applies; the stores that hold what it decides bound themselves by them too. */
    public TrackingPolicy policy() {
        return policy;
    }

    /**
     * Decides what {@code report} means for {@code situation}.
     *
     * @param situation  the situation; mentions of other situations in the report are ignored
     * @param prior      its state before the report, or null when it is new to us
     * @param recent     the situation's remembered fingerprints published from the report's publication time minus
     *                   the syndication window on, later ones included (the newest sets what is forgotten)
     * @param seen       the situation has already recorded this article (same id, same publication time)
     * @param report     the report (article identity, fingerprint, mentions)
     * @param detectedAt processing time, stamped on alerts and history
     */
    public Decision decide(SituationKey situation, SituationState prior, List<ReportFingerprint> recent,
                           boolean seen, ArticleReport report, Instant detectedAt) {
        Objects.requireNonNull(situation, "situation");
        Objects.requireNonNull(recent, "recent");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(detectedAt, "detectedAt");
        if (prior != null && seen) {
            return Decision.duplicate(prior);
        }
        List<Mention> mentions = report.mentions().stream()
                .filter(m -> m.actor().equals(situation.actor()) && m.host().equals(situation.host()))
                .toList();
        List<Mention> lead = mentions.stream().filter(Mention::lead).toList();
        List<Mention> background = mentions.stream().filter(m -> !m.lead()).toList();
        if (isWithdrawalStory(lead)) {
            // "the last French troops stationed in Niger have left": the presence it names is what ends
            List<Mention> context = lead.stream().filter(m -> m.status() == DEPLOYED || m.status() == REINFORCED)
                    .toList();
            lead = lead.stream().filter(m -> !context.contains(m)).toList();
            background = Stream.concat(background.stream(), context.stream()).toList();
        }
        Draft draft = prior == null ? new Draft(situation) : new Draft(prior);
        draft.updatedAt = detectedAt;
        ReportFingerprint fingerprint = new ReportFingerprint(report.id(), report.signature(), report.agency(),
                report.source(), report.published(), null);

        Optional<ReportFingerprint> original = syndication.originalOf(fingerprint, recent);
        if (original.isPresent()) {
            String originalId = original.get().originalId();
            draft.remember(recent, new ReportFingerprint(report.id(), report.signature(), report.agency(),
                    report.source(), report.published(), originalId));
            if (draft.status != null && statusesOf(lead).contains(draft.status)) {
                draft.corroboration = new Corroboration(draft.corroboration.independentSources(),
                        draft.corroboration.reports() + 1);
            }
            draft.record(entry(report, lead, background, detectedAt, Disposition.REPRINT, originalId, List.of()));
            return draft.decision(List.of(), Disposition.REPRINT);
        }
        draft.remember(recent, fingerprint);
        if (lead.isEmpty()) {
            draft.record(entry(report, lead, background, detectedAt, Disposition.BACKGROUND, null, List.of()));
            return draft.decision(List.of(), Disposition.BACKGROUND);
        }
        if (draft.asOf != null && report.published().isBefore(draft.asOf)) {
            draft.record(entry(report, lead, background, detectedAt, Disposition.LATE, null, List.of()));
            return draft.decision(List.of(), Disposition.LATE);
        }
        boolean knownBefore = draft.status != null;
        if (!knownBefore) {
            seed(draft, background, statusesOf(lead), report);
        }
        return apply(draft, situation, report, lead, background, knownBefore, detectedAt);
    }

    private Decision apply(Draft draft, SituationKey situation, ArticleReport report, List<Mention> lead,
                           List<Mention> background, boolean knownBefore, Instant detectedAt) {
        Status before = draft.status;
        ArticleEvidence priorEvidence = draft.evidence;
        List<Change> changes = transitions(draft, report, lead, knownBefore);
        changes.sort(Comparator.comparing(Change::type));

        Set<Status> leadStatuses = statusesOf(lead);
        Status current = CURRENT_PRECEDENCE.stream()
                .filter(s -> changes.stream().anyMatch(c -> c.setsStatus() && c.to() == s))
                .findFirst().orElse(before);
        boolean statusChanged = current != before;
        lead.stream().map(Mention::claimant).filter(Objects::nonNull).forEach(draft.claimants::add);
        draft.engaged |= leadStatuses.contains(ENGAGED);
        draft.casualtiesReported |= leadStatuses.contains(CASUALTIES);
        draft.everWithdrawn |= leadStatuses.contains(WITHDRAWN);
        draft.asOf = draft.asOf == null || report.published().isAfter(draft.asOf) ? report.published() : draft.asOf;
        String sourceKey = sourceKey(report);
        if (statusChanged) {
            Change setter = changes.stream().filter(c -> c.setsStatus() && c.to() == current).findFirst()
                    .orElseThrow();
            draft.status = current;
            draft.lead = new ArrayList<>(leadStatuses);
            draft.hedged = setter.hedged();
            draft.evidence = evidence(report, setter.basis().get(0));
            draft.corroboration = new Corroboration(1, 1);
            draft.sources = new ArrayList<>(List.of(sourceKey));
        } else if (leadStatuses.contains(before)) {
            boolean newSource = !draft.sources.contains(sourceKey);
            if (newSource && draft.sources.size() < policy.maxSources()) {
                draft.sources.add(sourceKey);
            }
            draft.corroboration = new Corroboration(
                    draft.corroboration.independentSources() + (newSource ? 1 : 0),
                    draft.corroboration.reports() + 1);
            draft.hedged &= lead.stream().filter(m -> m.status() == before).allMatch(Mention::hedged);
        }
        changes.stream().map(Change::theatre).filter(Objects::nonNull).findFirst()
                .or(() -> Optional.ofNullable(draft.theatre))
                .or(() -> lead.stream().map(Mention::theatre).filter(Objects::nonNull).findFirst())
                .ifPresent(t -> draft.theatre = t);

        List<Alert> alerts = new ArrayList<>();
        for (Change change : changes) {
            draft.alertSequence++;
            alerts.add(new Alert(situation + "#" + draft.alertSequence, change.type(),
                    new SituationRef(situation.actor(), situation.host(),
                            change.theatre() != null ? change.theatre() : draft.theatre),
                    before, change.to(), change.troops(), change.previousTroops(), change.claimants(),
                    change.hedged(), report.published(), detectedAt, evidence(report, change.basis().get(0)),
                    priorEvidence, new Corroboration(1, 1)));
        }
        Disposition disposition = alerts.isEmpty() ? Disposition.REREPORT : Disposition.CHANGE;
        draft.record(entry(report, lead, background, detectedAt, disposition, null,
                alerts.stream().map(Alert::alertId).toList()));
        return draft.decision(alerts, disposition);
    }

    /**
     * The changes a report's lead statuses make, updating the draft's attributes (troops, theatres, episode) as it
     * goes. {@code c} is the status before the report:
     * <ul>
     *   <li>PLANNED: alerts PLANNED when nothing or a withdrawal was known; with troops standing in the host, a plan
     *       that names a number of troops is a planned REINFORCEMENT (once per reinforcement episode); a plan
     *       without one ("will be sent into combat in the coming days") is about the troops already there.</li>
     *   <li>DEPLOYED: NEW_DEPLOYMENT from nothing or a plan; REDEPLOYMENT after a withdrawal.</li>
     *   <li>REDEPLOYED: REDEPLOYMENT unless troops are already known to stand in the host.</li>
     *   <li>REINFORCED: REINFORCEMENT once per reinforcement episode.</li>
     *   <li>ENGAGED: ENGAGEMENT the first time; after a withdrawal, renewed combat is a REDEPLOYMENT.</li>
     *   <li>CASUALTIES: the first time, or when the loss count is materially higher.</li>
     *   <li>WITHDRAWN: WITHDRAWAL unless already withdrawn.</li>
     *   <li>A troop number materially above the known one, for troops standing in the host: REINFORCEMENT.</li>
     *   <li>A theatre not seen before, for a situation known before this report: NEW_THEATRE.</li>
     *   <li>The actor's or host's own state asserting presence for the first time, after others reported it:
     *       OFFICIAL_CONFIRMATION.</li>
     * </ul>
     */
    private List<Change> transitions(Draft draft, ArticleReport report, List<Mention> lead, boolean knownBefore) {
        Status c = draft.status;
        Map<Status, List<Mention>> byStatus = new EnumMap<>(Status.class);
        lead.forEach(m -> byStatus.computeIfAbsent(m.status(), s -> new ArrayList<>()).add(m));
        List<Change> changes = new ArrayList<>();
        TroopRange troopsBefore = draft.troops;
        for (Map.Entry<Status, List<Mention>> group : byStatus.entrySet()) {
            Status s = group.getKey();
            List<Mention> basis = group.getValue();
            TroopRange troops = firstTroops(basis);
            switch (s) {
                case PLANNED -> {
                    if (c == null || c == WITHDRAWN) {
                        changes.add(Change.of(AlertType.PLANNED, s, true, basis, troops, troopsBefore));
                        draft.troops = troops != null ? troops : draft.troops;
                    } else if (PRESENCE.contains(c) && troops != null
                            && newReinforcementEpisode(draft, report.published())) {
                        changes.add(Change.of(AlertType.REINFORCEMENT, s, false, basis, troops, troopsBefore));
                        draft.reinforcementSince = report.published();
                    } else if (c == PLANNED && higher(troops, draft.troops, 1.0)) {
                        draft.troops = troops;
                    }
                }
                case DEPLOYED, REDEPLOYED -> {
                    boolean returning = c == WITHDRAWN || (c == PLANNED && draft.everWithdrawn)
                            || (s == REDEPLOYED && (c == null || c == PLANNED));
                    if (returning) {
                        changes.add(Change.of(AlertType.REDEPLOYMENT, s, true, basis, troops, troopsBefore));
                    } else if (c == null || c == PLANNED) {
                        changes.add(Change.of(AlertType.NEW_DEPLOYMENT, s, true, basis, troops, troopsBefore));
                    } else if (troops != null && troopsBefore != null
                            && higher(troops, troopsBefore, policy.troopGrowth())) {
                        changes.add(Change.of(AlertType.REINFORCEMENT, s, false, basis, troops, troopsBefore));
                    }
                    if (troops != null && (returning || c == null || c == PLANNED || draft.troops == null
                            || higher(troops, draft.troops, policy.troopGrowth()))) {
                        draft.troops = troops;
                    }
                }
                case REINFORCED -> {
                    if (newReinforcementEpisode(draft, report.published())) {
                        changes.add(Change.of(AlertType.REINFORCEMENT, s, c != WITHDRAWN, basis, troops,
                                troopsBefore));
                        draft.reinforcementSince = report.published();
                    }
                }
                case ENGAGED -> {
                    if (!draft.engaged) {
                        changes.add(Change.of(AlertType.ENGAGEMENT, s, !isWithdrawalStory(lead), basis, troops,
                                troopsBefore));
                    } else if (c == WITHDRAWN && !isWithdrawalStory(lead)) {
                        changes.add(Change.of(AlertType.REDEPLOYMENT, s, true, basis, troops, troopsBefore));
                    }
                }
                case CASUALTIES -> {
                    if (!draft.casualtiesReported || (troops != null && draft.casualties != null
                            && higher(troops, draft.casualties, policy.casualtyGrowth()))) {
                        changes.add(Change.of(AlertType.CASUALTIES, s, c != WITHDRAWN, basis, troops,
                                draft.casualties));
                    }
                    if (troops != null && (draft.casualties == null || higher(troops, draft.casualties, 1.0))) {
                        draft.casualties = troops;
                    }
                }
                case WITHDRAWN -> {
                    if (c != WITHDRAWN) {
                        changes.add(Change.of(AlertType.WITHDRAWAL, s, true, basis, troops, troopsBefore));
                    }
                }
                default -> throw new IllegalStateException("unhandled status " + s);
            }
        }
        List<Mention> present = lead.stream().filter(m -> PRESENCE.contains(m.status())).toList();
        for (Mention m : present) {
            if (m.theatre() != null && !knowsTheatre(draft.theatres, m.theatre())) {
                if (knownBefore && changes.stream().noneMatch(ch -> ch.type() == AlertType.NEW_THEATRE)) {
                    changes.add(Change.of(AlertType.NEW_THEATRE, m.status(), false, List.of(m), m.troops(),
                            troopsBefore).inTheatre(m.theatre()));
                }
                draft.theatres.add(m.theatre());
            }
        }
        List<Mention> official = present.stream().filter(m -> isOfficial(m, draft)).toList();
        if (!draft.officiallyConfirmed && !official.isEmpty()) {
            draft.officiallyConfirmed = true;
            if (c != null && c != PLANNED) {
                changes.add(Change.of(AlertType.OFFICIAL_CONFIRMATION, official.get(0).status(), false, official,
                        firstTroops(official), troopsBefore));
            }
        }
        return changes;
    }

    /** Seeds a situation new to us from the report's background: the story so far, as the report tells it. */
    private static void seed(Draft draft, List<Mention> background, Set<Status> leadStatuses, ArticleReport report) {
        LocalDate published = LocalDate.ofInstant(report.published(), ZoneOffset.UTC);
        // a story whose news is presence, not a return, does not tell of a withdrawal before it: a withdrawal in its
        // background is about something else (the end of another mission, a withdrawal only considered)
        boolean presenceNews = leadStatuses.contains(DEPLOYED) && !leadStatuses.contains(REDEPLOYED);
        List<Mention> seeds = background.stream()
                .filter(m -> !leadStatuses.contains(m.status()))
                .filter(m -> !(presenceNews && m.status() == WITHDRAWN))
                .filter(m -> m.eventTime() == null || m.eventTime().from() == null
                        || m.eventTime().from().isBefore(published))
                .toList();
        if (seeds.isEmpty()) {
            return;
        }
        Mention stage = seeds.stream().max(Comparator.comparingInt(m -> LIFECYCLE.indexOf(m.status())))
                .orElseThrow();
        draft.status = stage.status();
        draft.lead = List.of();
        draft.hedged = seeds.stream().filter(m -> m.status() == stage.status()).allMatch(Mention::hedged);
        draft.evidence = evidence(report, stage);
        draft.engaged |= seeds.stream().anyMatch(m -> m.status() == ENGAGED);
        draft.casualtiesReported |= seeds.stream().anyMatch(m -> m.status() == CASUALTIES);
        draft.everWithdrawn |= seeds.stream().anyMatch(m -> m.status() == WITHDRAWN);
        for (Mention m : seeds) {
            if (m.claimant() != null) {
                draft.claimants.add(m.claimant());
            }
            if (m.theatre() != null && PRESENCE.contains(m.status()) && !knowsTheatre(draft.theatres, m.theatre())) {
                draft.theatres.add(m.theatre());
            }
            if (m.troops() != null && (m.status() == DEPLOYED || m.status() == REDEPLOYED)
                    && (draft.troops == null || higher(m.troops(), draft.troops, 1.0))) {
                draft.troops = m.troops();
            }
            if (m.troops() != null && m.status() == CASUALTIES) {
                draft.casualties = m.troops();
            }
            if (PRESENCE.contains(m.status()) && isOfficial(m, draft)) {
                draft.officiallyConfirmed = true;
            }
        }
    }

    /** A report whose news is a withdrawal (and not a return): its presence and combat statements are context. */
    private static boolean isWithdrawalStory(List<Mention> lead) {
        Set<Status> statuses = statusesOf(lead);
        return statuses.contains(WITHDRAWN) && !statuses.contains(REDEPLOYED);
    }

    private boolean newReinforcementEpisode(Draft draft, Instant published) {
        return draft.reinforcementSince == null
                || published.isAfter(draft.reinforcementSince.plus(policy.reinforcementEpisode()));
    }

    /** The actor's or the host's own state; a state's forces at home need no confirmation. */
    private static boolean isOfficial(Mention m, Draft draft) {
        return m.claimant() != null && !draft.actor.equals(draft.host)
                && (m.claimant().equals(draft.actor) || m.claimant().equals(draft.host));
    }

    /** True when {@code candidate} is at least {@code factor} times {@code known}, comparing low with high end. */
    static boolean higher(TroopRange candidate, TroopRange known, double factor) {
        if (candidate == null || known == null) {
            return false;
        }
        long low = candidate.min() != null ? candidate.min() : candidate.max();
        long high = known.max() != null ? known.max() : known.min();
        return low > high && low >= high * factor;
    }

    /** Theatres match ignoring case and a trailing region word, or when one is a whole-word part of the other. */
    static boolean knowsTheatre(List<String> known, String theatre) {
        String t = TheatreNames.normalise(theatre);
        return known.stream().map(TheatreNames::normalise).anyMatch(k -> TheatreNames.sameOrPart(k, t));
    }

    /** An independent source is the originating agency when known, else the outlet, else the article itself. */
    private static String sourceKey(ArticleReport report) {
        if (report.agency() != null && !report.agency().isBlank()) {
            return report.agency().trim().toUpperCase(Locale.ROOT);
        }
        if (report.source() != null && !report.source().isBlank()) {
            return report.source().trim();
        }
        return report.id();
    }

    private static Set<Status> statusesOf(List<Mention> mentions) {
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        mentions.forEach(m -> statuses.add(m.status()));
        return statuses;
    }

    private static TroopRange firstTroops(List<Mention> mentions) {
        return mentions.stream().map(Mention::troops).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String firstTheatre(List<Mention> mentions) {
        return mentions.stream().map(Mention::theatre).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static ArticleEvidence evidence(ArticleReport report, Mention mention) {
        return new ArticleEvidence(report.id(), report.source(), report.url(), report.headline(),
                mention.evidence().sentence());
    }

    private static HistoryEntry entry(ArticleReport report, List<Mention> lead, List<Mention> background,
                                      Instant detectedAt, Disposition disposition, String copyOf,
                                      List<String> alertIds) {
        List<Mention> told = lead.isEmpty() ? background : lead;
        return new HistoryEntry(report.published(), detectedAt, report.id(), report.source(), report.agency(),
                report.url(), report.headline(), new ArrayList<>(statusesOf(lead)),
                new ArrayList<>(statusesOf(background)), firstTheatre(lead), firstTroops(lead),
                lead.stream().map(Mention::claimant).filter(Objects::nonNull).distinct().toList(),
                !lead.isEmpty() && lead.stream().allMatch(Mention::hedged),
                told.isEmpty() ? null : shortened(told.get(0).evidence().sentence()), disposition, copyOf, alertIds);
    }

    /** History keeps a sentence for reading, not as evidence (alerts carry that whole): bounded per entry. */
    private static String shortened(String sentence) {
        return sentence.length() <= MAX_HISTORY_SENTENCE ? sentence
                : sentence.substring(0, MAX_HISTORY_SENTENCE - 3) + "...";
    }

    /** One change a report makes; {@code setsStatus} when it moves the situation's current status to {@code to}. */
    private record Change(AlertType type, Status to, boolean setsStatus, List<Mention> basis, TroopRange troops,
                          TroopRange previousTroops, String theatre) {
        static Change of(AlertType type, Status to, boolean setsStatus, List<Mention> basis, TroopRange troops,
                         TroopRange previousTroops) {
            return new Change(type, to, setsStatus, List.copyOf(basis), troops, previousTroops, firstTheatre(basis));
        }

        Change inTheatre(String place) {
            return new Change(type, to, setsStatus, basis, troops, previousTroops, place);
        }

        boolean hedged() {
            return basis.stream().allMatch(Mention::hedged);
        }

        List<String> claimants() {
            return basis.stream().map(Mention::claimant).filter(Objects::nonNull).distinct().sorted().toList();
        }
    }

    /** The mutable working copy of a state while one report is decided. */
    private final class Draft {
        final String actor;
        final String host;
        final String situation;
        Status status;
        List<Status> lead;
        String theatre;
        final List<String> theatres;
        TroopRange troops;
        TroopRange casualties;
        boolean engaged;
        boolean casualtiesReported;
        boolean everWithdrawn;
        boolean officiallyConfirmed;
        Instant reinforcementSince;
        final Set<String> claimants;
        boolean hedged;
        Instant asOf;
        Instant updatedAt;
        ArticleEvidence evidence;
        Corroboration corroboration;
        List<String> sources;
        long alertSequence;
        int historyCount;
        Instant historySince;
        Instant evictableSince;
        Instant fingerprintsSince;
        long reportSequence;
        HistoryEntry recorded;
        boolean evictHistory;
        FingerprintChange fingerprintChange = FingerprintChange.NONE;

        Draft(SituationKey key) {
            this.situation = key.toString();
            this.actor = key.actor();
            this.host = key.host();
            this.lead = List.of();
            this.theatres = new ArrayList<>();
            this.claimants = new TreeSet<>();
            this.corroboration = Corroboration.NONE;
            this.sources = new ArrayList<>();
        }

        Draft(SituationState s) {
            this.situation = s.situation();
            this.actor = s.actor();
            this.host = s.host();
            this.status = s.status();
            this.lead = s.lead();
            this.theatre = s.theatre();
            this.theatres = new ArrayList<>(s.theatres());
            this.troops = s.troops();
            this.casualties = s.casualties();
            this.engaged = s.engaged();
            this.casualtiesReported = s.casualtiesReported();
            this.everWithdrawn = s.everWithdrawn();
            this.officiallyConfirmed = s.officiallyConfirmed();
            this.reinforcementSince = s.reinforcementSince();
            this.claimants = new TreeSet<>(s.claimants());
            this.hedged = s.hedged();
            this.asOf = s.asOf();
            this.updatedAt = s.updatedAt();
            this.evidence = s.evidence();
            this.corroboration = s.corroboration();
            this.sources = new ArrayList<>(s.sources());
            this.alertSequence = s.alertSequence();
            this.historyCount = s.historyCount();
            this.historySince = s.historySince();
            this.evictableSince = s.evictableSince();
            this.fingerprintsSince = s.fingerprintsSince();
            this.reportSequence = s.reportSequence();
        }

        /**
         * Records the report's history entry; at the bound one entry leaves, chosen by {@link HistoryRetention}
         * among them all (the new one included) when the caller reads the history in event-time order.
         */
        void record(HistoryEntry entry) {
            recorded = entry;
            reportSequence++;
            evictHistory = historyCount >= policy.maxHistory();
            historyCount = Math.min(historyCount + 1, policy.maxHistory());
            historySince = earlier(historySince, entry.eventTime());
            if (entry.disposition() != Disposition.CHANGE) {
                evictableSince = earlier(evictableSince, entry.eventTime());
            }
        }

        private static Instant earlier(Instant bound, Instant time) {
            return bound == null || time.isBefore(bound) ? time : bound;
        }

        /** Remembers the report's fingerprint, forgetting what falls out of the window or over the count. */
        void remember(List<ReportFingerprint> recent, ReportFingerprint added) {
            List<ReportFingerprint> kept = syndication.retained(recent, added);
            fingerprintChange = syndication.change(recent, added, kept);
            fingerprintsSince = kept.get(0).published();
        }

        Decision decision(List<Alert> alerts, Disposition disposition) {
            return new Decision(build(), alerts, disposition, recorded, evictHistory, fingerprintChange);
        }

        SituationState build() {
            return new SituationState(situation, actor, host, status, lead, theatre, theatres, troops, casualties,
                    engaged, casualtiesReported, everWithdrawn, officiallyConfirmed, reinforcementSince,
                    new ArrayList<>(claimants), hedged, asOf, updatedAt, evidence,
                    corroboration, sources, alertSequence, historyCount, historySince, evictableSince,
                    fingerprintsSince, reportSequence);
        }
    }
}
