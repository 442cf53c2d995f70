package dev.troopwatch.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troopwatch.stream.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StreamsConfig;

/** Everything one {@code bench} invocation measured, printed as tables and as one JSON line. */
final class BenchReport {
    /** Machine and run context, printed next to the figures. */
    record Context(String date, int cores, long memoryBytes, String loadBefore, String loadAfter, String java,
                   String kafka, String command, long maxHeap) {
    }

    Context context;
    final List<ExtractionRun.Figures> extraction = new ArrayList<>();
    final List<PipelineBench.Throughput> throughput = new ArrayList<>();
    final List<PipelineBench.GrowthPoint> growth = new ArrayList<>();
    final List<PipelineBench.Latency> latency = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    int articles;
    int situations;
    long brokerPeakRss = -1;
    /** Below this a soak run's growth verdict is printed but not held against the memory target. */
    private static final double SHORT_SOAK_SECONDS = 600;
    /** The soak section's run, null when it did not run. */
    SoakRun.Result soak;

    void printHeader(PrintWriter out) {
        out.printf(Locale.ROOT, "troopwatch bench  %s%n", context.date());
        out.printf(Locale.ROOT, "machine: %d cores, %s memory; %s; Kafka %s; bench JVM max heap %s%n",
                context.cores(), bytes(context.memoryBytes()), context.java(), context.kafka(),
                bytes(context.maxHeap()));
        out.printf(Locale.ROOT, "command: %s%n", context.command());
        out.printf(Locale.ROOT, "load average before: %s%n", context.loadBefore());
        out.flush();
    }

    void printExtraction(PrintWriter out) {
        out.println();
        out.println("1. normalise + extract, one thread (JMH)");
        out.printf(Locale.ROOT, "   %-22s %9s %10s %12s %22s %16s%n", "corpus", "articles", "words", "articles/s",
                "words/s (JMH, wall)", "words/cpu-s");
        for (ExtractionRun.Figures f : extraction) {
            String words = String.format(Locale.ROOT, "%.0f", f.wordsPerSecond())
                    + (Double.isNaN(f.wordsError()) ? "" : String.format(Locale.ROOT, " ± %.0f", f.wordsError()));
            out.printf(Locale.ROOT, "   %-22s %9d %10d %12.0f %22s %16.0f%n", f.corpus().replaceFirst("^dev:.*", "dev"),
                    f.articles(), f.words(), f.articlesPerSecond(), words, f.wordsPerCpuSecond());
        }
        out.flush();
    }

    void printThroughputHeader(PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "2. end to end, %d preloaded articles (%d situations), embedded broker in its own JVM%n",
                articles, situations);
        out.printf(Locale.ROOT, "   %-13s %-16s %8s %8s %11s %14s %10s %10s %10s %8s  %s%n", "app", "guarantee",
                "input s", "total s", "articles/s", "cpu ms/art a+b", "peak heap", "peak RSS", "state", "situat.",
                "alerts expected/raised/matched");
        out.flush();
    }

    void printThroughput(PrintWriter out, PipelineBench.Throughput t) {
        String check = checkText(t.check());
        out.printf(Locale.ROOT, "   %-13s %-16s %8.2f %8.2f %11.0f %14s %10s %10s %10s %8s  %s%n", t.app(),
                t.guarantee(), t.inputSeconds(), t.seconds(), t.articlesPerSecond(), String.format(Locale.ROOT, "%.2f+%.2f", t.appCpuMsPerArticle(),
                        t.brokerCpuMsPerArticle()), bytes(t.peakHeap()), bytes(t.peakRss()),
                t.app().equals("troopwatch") ? bytes(t.stateBytes()) : "-",
                t.storeEntries() < 0 ? "-" : String.valueOf(t.storeEntries()), check);
        out.flush();
    }

    /** "streams 61%, gc 12%, ...": where the application's CPU time went in one run. */
    static String shares(Map<String, Double> shares) {
        return shares.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), e.getValue() * 100))
                .collect(Collectors.joining(", "));
    }

    private static String checkText(PipelineBench.AlertCheck c) {
        return c == null ? "-" : String.format(Locale.ROOT, "%d/%d/%d%s", c.expected(), c.raised(), c.sameType(),
                c.allMatch() ? " ok" : " MISMATCH");
    }

    void printRatios(PrintWriter out) {
        throughput.stream().filter(t -> t.app().equals("troopwatch")).forEach(t -> out.printf(Locale.ROOT,
                "   troopwatch %s app CPU by thread: %s%n", t.guarantee(), shares(t.appCpuShares())));
        for (String guarantee : List.of(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE)) {
            Optional<Double> ours = best("troopwatch", guarantee);
            Optional<Double> limit = best("pass-through", guarantee);
            if (ours.isPresent() && limit.isPresent()) {
                out.printf(Locale.ROOT, "   troopwatch / pass-through (%s): %.2f%n", guarantee, ours.get() / limit.get());
            }
        }
        Optional<Double> eos = best("troopwatch", StreamsConfig.EXACTLY_ONCE_V2);
        Optional<Double> alos = best("troopwatch", StreamsConfig.AT_LEAST_ONCE);
        if (eos.isPresent() && alos.isPresent()) {
            out.printf(Locale.ROOT, "   troopwatch exactly_once_v2 / at_least_once: %.2f%n", eos.get() / alos.get());
        }
        out.flush();
    }

    void printGrowth(PrintWriter out) {
        List<PipelineBench.GrowthPoint> points = growthPoints();
        out.println();
        out.println("4. state and memory as articles and situations grow (first exactly_once_v2 run; last two rows: "
                + "input consumed, reorder buffer drained)");
        if (points.isEmpty()) {
            out.println("   no samples (the throughput section did not run)");
        }
        out.printf(Locale.ROOT, "   %10s %10s %10s %12s %12s %12s%n", "articles", "situations", "buffered",
                "state dir", "heap used", "RSS");
        for (PipelineBench.GrowthPoint p : points) {
            out.printf(Locale.ROOT, "   %10d %10s %10s %12s %12s %12s%n", p.articles(),
                    p.storeEntries() < 0 ? "?" : String.valueOf(p.storeEntries()),
                    p.buffered() < 0 ? "?" : String.valueOf(p.buffered()), bytes(p.stateBytes()),
                    bytes(p.heapUsed()), bytes(p.rss()));
        }
        out.printf(Locale.ROOT, "   broker JVM peak RSS: %s%n", bytes(brokerPeakRss));
        out.flush();
    }

    void printSoakHeader(PrintWriter out, int rate, Duration duration, Duration every, int scale,
                         List<String> otherStores) {
        out.println();
        out.printf(Locale.ROOT, "5. soak: exactly_once_v2 fed %d articles/s for %s (generated as sent, %d cop%s per "
                        + "event), embedded broker in its own JVM%n", rate, minutes(duration.toMillis() / 1000.0), scale,
                scale == 1 ? "y" : "ies");
        out.printf(Locale.ROOT, "   a sample every %s s; lag = articles sent - raw records the app committed; live heap ="
                + " heap used right after a forced full GC (System.gc()), so live data, not garbage; count ms = time "
                + "to count the stores' entries (interactive queries, which read every value); check = original "
                + "reports the alert check remembers (~200 B each, in the live heap)%n",
                trim(every.toMillis() / 1000.0));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "   %-7s %8s %9s %9s %7s %7s %5s %8s %8s",
                "phase", "elapsed", "sent", "committed", "lag", "alerts", "dead", "situat.", "buffered"));
        otherStores.forEach(name -> header.append(String.format(Locale.ROOT, " %" + Math.max(10, name.length()) + "s",
                name)));
        header.append(String.format(Locale.ROOT, " %10s %10s %10s %10s %10s %6s %8s %7s", "state dir", "live heap",
                "peak heap", "app RSS", "broker RSS", "gc ms", "count ms", "check"));
        out.println(header);
        out.flush();
    }

    void printSoakSample(PrintWriter out, SoakRun.Sample s) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "   %-7s %8s %9d %9d %7d %7d %5d %8s %8s",
                s.phase(), minutes(s.seconds()), s.sent(), s.committed(), s.lag(), s.alerts(), s.deadLetters(),
                count(s.situations()), count(s.buffered())));
        s.otherStores().forEach((name, n) -> row.append(String.format(Locale.ROOT,
                " %" + Math.max(10, name.length()) + "s", count(n))));
        row.append(String.format(Locale.ROOT, " %10s %10s %10s %10s %10s %6.0f %8.0f %7d", bytes(s.stateBytes()),
                bytes(s.liveHeap()), bytes(s.peakHeap()), bytes(s.rss()), bytes(s.brokerRss()), s.gcMillis(),
                s.countMillis(), s.remembered()));
        out.println(row);
        out.flush();
    }

    void printSoak(PrintWriter out) {
        if (soak == null) {
            return;
        }
        if (soak.seconds() < SHORT_SOAK_SECONDS) {
            out.println("   note: a run under 10 minutes shows the warm-up (situations and histories filling, RocksDB's "
                    + "first flushes), not a trend; the verdicts below extrapolate it");
        }
        out.println("   live heap (post-GC) while sending: " + soak.heap().describe());
        out.println("   state dir while sending:           " + soak.state().describe());
        out.println("   " + keptUpText());
        out.println("   " + checkText(soak));
        soak.check().examples().forEach(e -> out.println("     " + e));
        soak.deadLetters().forEach(d -> out.println("     dead letter: " + d));
        out.printf(Locale.ROOT, "   the generated wire reached publication time %s; the check remembered at most %d "
                + "original reports at once%n", soak.lastPublished(), soak.checkMemory());
        out.flush();
    }

    private String keptUpText() {
        SoakRun.Sample end = soak.endOfInput();
        String lag = String.format(Locale.ROOT, "lag at end of input %d articles (%.1f s of input at %d/s), sent at "
                + "%.1f/s; ", end.lag(), end.lag() / (double) soak.rate(), soak.rate(), soak.achievedRate());
        String drain = soak.drainSeconds() < 0 ? "did NOT drain within the timeout afterwards"
                : String.format(Locale.ROOT, "everything committed and the reorder buffer empty %.1f s later",
                soak.drainSeconds());
        return (soak.keptUp() ? "kept up: " : "FELL BEHIND: ") + lag + drain;
    }

    private static String checkText(SoakRun.Result r) {
        SoakCheck.Totals c = r.check();
        return String.format(Locale.ROOT, "alerts %s: first timelines %d expected, %d raised, %d missing, %d wrong; "
                        + "later timelines: %d original reports raised %d alerts (%d raised none); %d alerts from "
                        + "copies, distractors or forgotten reports; %d dead letters; every article committed: %s",
                c.ok() && r.totalDeadLetters() == 0 ? "ok" : "MISMATCH", c.firstCycleExpected(), c.exact(),
                c.missing(), c.wrong(), c.laterOriginals(), c.laterAlerts(), c.laterSilent(), c.unexpected(),
                r.totalDeadLetters(), r.drainSeconds() >= 0 ? "yes" : "no");
    }

    private static String count(long n) {
        return n < 0 ? "-" : String.valueOf(n);
    }

    /** "60 min", "1.5 min", "45 s". */
    static String minutes(double seconds) {
        return seconds >= 60 ? trim(seconds / 60) + " min" : trim(seconds) + " s";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    void printLatencyHeader(PrintWriter out) {
        out.println();
        out.println("3. publish -> alert latency, exactly_once_v2 (consume time minus produce time of the article; after "
                + PipelineBench.WARM_UP.toSeconds() + " s of distractors at the same rate)");
        out.printf(Locale.ROOT, "   %8s %10s %9s %9s %9s %9s %9s %10s %10s  %s%n", "rate/s", "achieved", "articles",
                "p50 ms", "p95 ms", "p99 ms", "max ms", "peak heap", "peak RSS", "alerts expected/raised/matched");
        out.flush();
    }

    void printLatency(PrintWriter out, PipelineBench.Latency l) {
        out.printf(Locale.ROOT, "   %8d %10.0f %9d %9.0f %9.0f %9.0f %9.0f %10s %10s  %s%n", l.rate(),
                l.achievedRate(), l.articles(), l.p50(), l.p95(), l.p99(), l.max(), bytes(l.peakHeap()),
                bytes(l.peakRss()), checkText(l.check()));
        out.flush();
    }

    void printTargets(PrintWriter out) {
        out.println();
        out.println("targets (2 cores, app and broker on one machine)");
        List<String[]> rows = targets();
        for (String[] row : rows) {
            out.printf(Locale.ROOT, "   %-52s %-22s %s%n", row[0], row[1], row[2]);
        }
        notes.forEach(n -> out.println("   note: " + n));
        out.printf(Locale.ROOT, "load average after: %s%n", context.loadAfter());
        out.flush();
    }

    /** Target, measured value, verdict. */
    List<String[]> targets() {
        List<String[]> rows = new ArrayList<>();
        extraction.stream().filter(f -> f.corpus().startsWith("dev:")).findFirst().or(() -> extraction.stream()
                .findFirst()).ifPresent(f -> rows.add(row("extraction >= 1,000,000 words/s ("
                        + f.corpus().replaceFirst("^dev:.*", "dev").replaceFirst(":\\d+:\\d+$", "") + ")",
                f.wordsPerSecond(), "%.0f words/s", f.wordsPerSecond() >= 1_000_000)));
        Optional<Double> eos = best("troopwatch", StreamsConfig.EXACTLY_ONCE_V2);
        Optional<Double> alos = best("troopwatch", StreamsConfig.AT_LEAST_ONCE);
        Optional<Double> pass = best("pass-through", StreamsConfig.EXACTLY_ONCE_V2);
        eos.ifPresent(v -> rows.add(row("end to end >= 2,000 articles/s (exactly_once_v2)", v, "%.0f/s", v >= 2000)));
        if (eos.isPresent() && pass.isPresent()) {
            double r = eos.get() / pass.get();
            rows.add(row("end to end >= 0.5 x pass-through (exactly_once_v2)", r, "%.2f x", r >= 0.5));
        }
        if (eos.isPresent() && alos.isPresent()) {
            double r = eos.get() / alos.get();
            rows.add(row("exactly_once_v2 >= 0.8 x at_least_once", r, "%.2f x", r >= 0.8));
        }
        latency.stream().filter(l -> l.rate() == 100).findFirst().ifPresent(l -> rows.add(
                row("p99 publish -> alert <= 300 ms at 100/s", l.p99(), "%.0f ms", l.p99() <= 300)));
        if (!latency.isEmpty()) {
            boolean correct = latency.stream().allMatch(l -> l.check().allMatch());
            rows.add(new String[] {"live runs raise exactly the expected alerts", correct ? "yes" : "no",
                    correct ? "holds" : "MISSED"});
        }
        if (soak != null) {
            boolean bounded = soak.heap().verdict() == GrowthVerdict.Verdict.BOUNDED
                    && soak.state().verdict() == GrowthVerdict.Verdict.BOUNDED;
            boolean known = soak.heap().verdict() != GrowthVerdict.Verdict.TOO_FEW_SAMPLES
                    && soak.state().verdict() != GrowthVerdict.Verdict.TOO_FEW_SAMPLES;
            String run = minutes(Math.round(soak.seconds())) + " at " + soak.rate() + "/s";
            rows.add(new String[] {"memory bounded, 1 h at 500/s (soak: " + run + ")",
                    String.format(Locale.ROOT, "heap %+.1f, state %+.1f MiB/10min",
                            soak.heap().slopePer10Min() / (1 << 20), soak.state().slopePer10Min() / (1 << 20)),
                    !known ? "TOO FEW SAMPLES" : soak.seconds() < SHORT_SOAK_SECONDS ? "n/a (short run)"
                            : bounded ? "holds" : "MISSED"});
            rows.add(new String[] {"soak: the app keeps up (" + run + ")",
                    soak.endOfInput().lag() + " behind at end", soak.keptUp() ? "holds" : "MISSED"});
            boolean correct = soak.check().ok() && soak.totalDeadLetters() == 0 && soak.drainSeconds() >= 0;
            rows.add(new String[] {"soak: alerts as expected, nothing dead-lettered", correct ? "yes" : "no",
                    correct ? "holds" : "MISSED"});
        }
        return rows;
    }

    private static String[] row(String target, double value, String format, boolean holds) {
        return new String[] {target, String.format(Locale.ROOT, format, value), holds ? "holds" : "MISSED"};
    }

    /** Best (highest) articles/s of an app under a guarantee over the repeats. */
    Optional<Double> best(String app, String guarantee) {
        return throughput.stream().filter(t -> t.app().equals(app) && t.guarantee().equals(guarantee))
                .map(PipelineBench.Throughput::articlesPerSecond).max(Comparator.naturalOrder());
    }

    /** The samples at 25, 50 and 75 % of the input, when it was all consumed, and when every alert was out. */
    List<PipelineBench.GrowthPoint> growthPoints() {
        return growth.stream().filter(known()).toList();
    }

    private static Predicate<PipelineBench.GrowthPoint> known() {
        return p -> p.articles() > 0 && p.storeEntries() >= 0;
    }

    String json() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ObjectNode ctx = root.putObject("context");
        ctx.put("date", context.date());
        ctx.put("cores", context.cores());
        ctx.put("memory_bytes", context.memoryBytes());
        ctx.put("load_before", context.loadBefore());
        ctx.put("load_after", context.loadAfter());
        ctx.put("java", context.java());
        ctx.put("kafka", context.kafka());
        ctx.put("command", context.command());
        ctx.put("max_heap_bytes", context.maxHeap());
        ArrayNode ex = root.putArray("extraction");
        for (ExtractionRun.Figures e : extraction) {
            ObjectNode n = ex.addObject();
            n.put("corpus", e.corpus().replaceFirst("^dev:.*", "dev"));
            n.put("articles", e.articles());
            n.put("words", e.words());
            n.put("articles_per_s", e.articlesPerSecond());
            n.put("words_per_s", e.wordsPerSecond());
            n.put("words_per_s_error", e.wordsError());
            n.put("words_per_cpu_s", e.wordsPerCpuSecond());
        }
        ArrayNode tp = root.putArray("throughput");
        for (PipelineBench.Throughput t : throughput) {
            ObjectNode n = tp.addObject();
            n.put("app", t.app());
            n.put("guarantee", t.guarantee());
            n.put("articles", t.articles());
            n.put("seconds", t.seconds());
            n.put("input_seconds", t.inputSeconds());
            n.put("articles_per_s", t.articlesPerSecond());
            n.put("peak_heap_bytes", t.peakHeap());
            n.put("peak_rss_bytes", t.peakRss());
            n.put("state_bytes", t.stateBytes());
            n.put("store_entries", t.storeEntries());
            n.put("app_cpu_ms_per_article", t.appCpuMsPerArticle());
            n.put("broker_cpu_ms_per_article", t.brokerCpuMsPerArticle());
            ObjectNode shares = n.putObject("app_cpu_shares");
            t.appCpuShares().forEach(shares::put);
            if (t.check() != null) {
                ObjectNode c = n.putObject("alerts");
                c.put("expected", t.check().expected());
                c.put("raised", t.check().raised());
                c.put("same_type", t.check().sameType());
                c.put("same_article", t.check().sameArticle());
            }
        }
        ArrayNode lat = root.putArray("latency");
        for (PipelineBench.Latency l : latency) {
            ObjectNode n = lat.addObject();
            n.put("rate", l.rate());
            n.put("achieved_rate", l.achievedRate());
            n.put("articles", l.articles());
            n.put("alerts", l.alerts());
            n.put("expected_alerts", l.expected());
            n.put("p50_ms", l.p50());
            n.put("p95_ms", l.p95());
            n.put("p99_ms", l.p99());
            n.put("max_ms", l.max());
            n.put("alerts_same_type", l.check().sameType());
            n.put("peak_heap_bytes", l.peakHeap());
            n.put("peak_rss_bytes", l.peakRss());
        }
        ArrayNode gr = root.putArray("state_growth");
        for (PipelineBench.GrowthPoint p : growthPoints()) {
            ObjectNode n = gr.addObject();
            n.put("articles", p.articles());
            n.put("situations", p.storeEntries());
            n.put("buffered_reports", p.buffered());
            n.put("state_bytes", p.stateBytes());
            n.put("heap_used_bytes", p.heapUsed());
            n.put("rss_bytes", p.rss());
        }
        root.put("broker_peak_rss_bytes", brokerPeakRss);
        if (soak != null) {
            soakJson(root.putObject("soak"));
        }
        ArrayNode tg = root.putArray("targets");
        for (String[] row : targets()) {
            ObjectNode n = tg.addObject();
            n.put("target", row[0]);
            n.put("measured", row[1]);
            if (row[2].equals("holds") || row[2].equals("MISSED")) {
                n.put("holds", row[2].equals("holds"));
            } else {
                n.putNull("holds"); // a soak run too short or too sparse to judge
            }
        }
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void soakJson(ObjectNode n) {
        n.put("rate", soak.rate());
        n.put("seconds", soak.seconds());
        n.put("sample_seconds", soak.sampleSeconds());
        n.put("generator_scale", soak.scale());
        n.put("achieved_rate", soak.achievedRate());
        n.put("kept_up", soak.keptUp());
        n.put("lag_at_end_of_input", soak.endOfInput().lag());
        n.put("drain_seconds", soak.drainSeconds());
        n.put("last_published", soak.lastPublished());
        verdictJson(n.putObject("live_heap"), soak.heap());
        verdictJson(n.putObject("state_dir"), soak.state());
        SoakCheck.Totals c = soak.check();
        ObjectNode check = n.putObject("alerts");
        check.put("first_timeline_expected", c.firstCycleExpected());
        check.put("first_timeline_raised", c.exact());
        check.put("missing", c.missing());
        check.put("wrong", c.wrong());
        check.put("later_originals", c.laterOriginals());
        check.put("later_alerts", c.laterAlerts());
        check.put("later_silent", c.laterSilent());
        check.put("unexpected", c.unexpected());
        check.put("dead_letters", soak.totalDeadLetters());
        ArrayNode samples = n.putArray("samples");
        for (SoakRun.Sample s : soak.samples()) {
            ObjectNode o = samples.addObject();
            o.put("phase", s.phase());
            o.put("seconds", s.seconds());
            o.put("sent", s.sent());
            o.put("committed", s.committed());
            o.put("lag", s.lag());
            o.put("alerts", s.alerts());
            o.put("dead_letters", s.deadLetters());
            o.put("situations", s.situations());
            o.put("buffered_reports", s.buffered());
            ObjectNode stores = o.putObject("other_stores");
            s.otherStores().forEach(stores::put);
            o.put("state_bytes", s.stateBytes());
            o.put("live_heap_bytes", s.liveHeap());
            o.put("peak_heap_bytes", s.peakHeap());
            o.put("rss_bytes", s.rss());
            o.put("broker_rss_bytes", s.brokerRss());
            o.put("gc_ms", s.gcMillis());
            o.put("count_ms", s.countMillis());
            o.put("check_remembered", s.remembered());
        }
    }

    private static void verdictJson(ObjectNode g, GrowthVerdict v) {
        g.put("verdict", v.verdict().name().toLowerCase(Locale.ROOT));
        g.put("first_third_mean_bytes", v.firstThirdMean());
        g.put("last_third_mean_bytes", v.lastThirdMean());
        g.put("min_bytes", v.min());
        g.put("max_bytes", v.max());
        g.put("second_half_slope_bytes_per_10min", v.slopePer10Min());
        g.put("second_half_slope_error_bytes_per_10min", v.slopeError());
    }

    static String bytes(long b) {
        if (b < 0) {
            return "?";
        }
        if (b < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KiB", b / 1024.0);
        }
        if (b < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f MiB", b / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.1f GiB", b / (1024.0 * 1024 * 1024));
    }
}
