package dev.troopwatch.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sentences of {@code bench/templates.txt}, grouped by kind and checked for known placeholders. */
final class WireTemplates {
    static final String FILE = "bench/templates.txt";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Set<String> KNOWN = Set.of("Actor", "actor", "demonym", "capital", "host", "where",
            "troops", "dead", "said", "weekday", "other", "otherDemonym", "otherCapital", "hostCapital");

    /** A distractor story: headline and lead. */
    record Distractor(String headline, String lead) {
    }

    final Map<TimelineStep, List<String>> headlines = new EnumMap<>(TimelineStep.class);
    final Map<TimelineStep, List<String>> leads = new EnumMap<>(TimelineStep.class);
    final Map<TimelineStep, List<String>> reReports = new EnumMap<>(TimelineStep.class);
    final List<String> said = new ArrayList<>();
    final List<String> fillers = new ArrayList<>();
    final List<String> top = new ArrayList<>();
    final List<String> bottom = new ArrayList<>();
    final List<String> captions = new ArrayList<>();
    final List<String> outlets = new ArrayList<>();
    final List<String> agencies = new ArrayList<>();
    final List<Distractor> distractors = new ArrayList<>();

    private WireTemplates() {
    }

    static WireTemplates load() {
        WireTemplates t = new WireTemplates();
        for (DataFileLines.Line line : DataFileLines.read(FILE)) {
            int bar = line.text().indexOf('|');
            if (bar < 1 || bar == line.text().length() - 1) {
                throw line.error("expected KIND|text");
            }
            String kind = line.text().substring(0, bar).strip();
            String text = line.text().substring(bar + 1).strip();
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                if (!KNOWN.contains(m.group(1))) {
                    throw line.error("unknown placeholder {" + m.group(1) + "}");
                }
            }
            String[] words = kind.split(" ");
            switch (words[0]) {
                case "HEAD" -> t.headlines.computeIfAbsent(step(line, words), s -> new ArrayList<>()).add(text);
                case "LEAD" -> t.leads.computeIfAbsent(step(line, words), s -> new ArrayList<>()).add(text);
                case "AGAIN" -> t.reReports.computeIfAbsent(step(line, words), s -> new ArrayList<>()).add(text);
                case "SAID" -> t.said.add(text);
                case "FILLER" -> t.fillers.add(text);
                case "TOP" -> t.top.add(text);
                case "BOTTOM" -> t.bottom.add(text);
                case "CAPTION" -> t.captions.add(text);
                case "OUTLET" -> t.outlets.add(text);
                case "AGENCY" -> t.agencies.add(text);
                case "DISTRACTOR" -> {
                    String[] parts = text.split("\\|\\|", -1);
                    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                        throw line.error("a distractor is headline||lead");
                    }
                    t.distractors.add(new Distractor(parts[0].strip(), parts[1].strip()));
                }
                default -> throw line.error("unknown kind " + words[0]);
            }
        }
        for (TimelineStep step : TimelineStep.values()) {
            if (!t.headlines.containsKey(step) || !t.leads.containsKey(step)) {
                throw new IllegalStateException(FILE + ": needs HEAD and LEAD lines for " + step);
            }
        }
        if (t.said.isEmpty() || t.fillers.size() < 4 || t.outlets.size() < 2 || t.agencies.size() < 2
                || t.distractors.isEmpty() || t.top.isEmpty() || t.bottom.isEmpty() || t.captions.isEmpty()) {
            throw new IllegalStateException(FILE + ": needs SAID, TOP, BOTTOM, CAPTION, DISTRACTOR lines, at least "
                    + "four FILLER lines and two OUTLET and AGENCY lines");
        }
        return t;
    }

    private static TimelineStep step(DataFileLines.Line line, String[] words) {
        if (words.length != 2) {
            throw line.error("expected KIND STATUS");
        }
        try {
            return TimelineStep.valueOf(words[1]);
        } catch (IllegalArgumentException e) {
            throw line.error("unknown status " + words[1]);
        }
    }
}
