package dev.troopwatch.cli;

import dev.troopwatch.extract.EvaluationReport;
import dev.troopwatch.extract.LabelledCorpus;
import dev.troopwatch.extract.RuleExtractor;
import dev.troopwatch.normalise.ArticleNormaliser;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code troopwatch evaluate DIR}: scores the extractor against the {@code *.gold.json} labels in DIR exactly as
 * {@code corpus/LABELING.md} defines, and with {@code --verbose} lists every miss and false hit by article.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score extraction against *.gold.json labels (relevance, status and lead triples, theatre, "
                + "troops, claimant).")
public final class EvaluateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "directory of articles with NAME.gold.json labels")
    Path dir;

    @Option(names = "--verbose", description = "print every miss and false hit, article by article")
    boolean verbose;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        if (!Files.isDirectory(dir)) {
            System.err.println("not a directory: " + dir);
            return 2;
        }
        List<LabelledCorpus.Case> cases = LabelledCorpus.load(dir, ArticleNormaliser.withDefaultRules());
        if (cases.isEmpty()) {
            System.err.println("no *.gold.json labels in " + dir);
            return 2;
        }
        EvaluationReport report = LabelledCorpus.evaluate(cases, RuleExtractor.withDefaultRules());
        int unreadable = 0;
        for (LabelledCorpus.Case c : cases) {
            if (c.error() != null) {
                unreadable++;
                System.err.println("unreadable: " + c.error());
            }
        }
        if (verbose) {
            for (EvaluationReport.ArticleResult a : report.perArticle()) {
                if (!a.errors().isEmpty()) {
                    out.println(a.file());
                    a.errors().forEach(e -> out.println("    " + e));
                }
            }
            out.println();
        }
        out.print(report.summary());
        return unreadable == 0 ? 0 : 1;
    }
}
