package dev.troopwatch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./troopwatch}: one subcommand per task. */
@Command(name = "troopwatch", mixinStandardHelpOptions = true, version = "troopwatch 0.1.0",
        description = "Troop-deployment events from wire articles, tracked as situations on Kafka Streams.",
        subcommands = {
                CommandLine.HelpCommand.class,
                DemoCommand.class,
                BrokerCommand.class,
                RunCommand.class,
                PublishCommand.class,
                TailCommand.class,
                TopicsCommand.class,
                ExtractCommand.class,
                EvaluateCommand.class,
                dev.troopwatch.bench.BenchCommand.class,
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
