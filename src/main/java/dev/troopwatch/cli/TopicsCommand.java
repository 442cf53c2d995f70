package dev.troopwatch.cli;

import dev.troopwatch.kafka.TopicChange;
import dev.troopwatch.kafka.TopicOverrides;
import dev.troopwatch.kafka.TopicSpec;
import dev.troopwatch.kafka.TopicSpecLoader;
import dev.troopwatch.runtime.PipelineRunner;
import dev.troopwatch.runtime.TroopwatchConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code troopwatch topics}: show or apply the topic declarations of topics/. */
@Command(name = "topics", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Show the topics declared in topics/ (bundled in the jar, or --topics-dir), or with --apply "
                + "make a cluster match them: create missing topics, alter differing configs, add partitions. "
                + "Never deletes a topic or removes partitions. Applying twice changes nothing."})
public final class TopicsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--apply", description = "Apply the declarations to the cluster at --bootstrap-servers.")
    boolean apply;

    @Option(names = "--topics-dir", paramLabel = "DIR",
            description = "Directory of topic files. Default: the topics/ bundled in the jar.")
    Path topicsDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with topic overrides (topics.replication.factor, topics.partitions, "
                    + "topics.config.<config>, topics.<topic>.<same>) and client settings.")
    Path configFile;

    @Option(names = "--replication-factor", paramLabel = "N",
            description = "Replication factor for every topic (a cluster: 3). Wins over --config.")
    Integer replicationFactor;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Partition count for every topic. Wins over --config.")
    Integer partitions;

    @Option(names = "--min-insync-replicas", paramLabel = "N",
            description = "min.insync.replicas for every topic (with replication 3: 2). Wins over --config.")
    Integer minInsyncReplicas;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long each cluster operation may take. Default: ${DEFAULT-VALUE}")
    Duration timeout;

    @Override
    public Integer call() {
        return CommandErrors.run(spec, () -> {
            PrintWriter out = spec.commandLine().getOut();
            Properties overrides = overrides();
            if (!apply) {
                List<TopicSpec> specs = TopicOverrides.apply(TopicSpecLoader.load(Optional.ofNullable(topicsDir)),
                        overrides);
                for (TopicSpec s : specs) {
                    out.printf("%-28s partitions=%d replication=%d %s%n    key: %s (%s)%n    value: %s, schema %s%n",
                            s.name(), s.partitions(), s.replicationFactor(), s.configs(), s.keyFormat(),
                            s.keyDescription(), s.valueFormat(), s.valueSchema().path("title").asText("(untitled)"));
                }
                out.println("(use --apply to create or update them on a cluster)");
                return 0;
            }
            Properties client = new Properties();
            Properties topicSettings = new Properties();
            for (String key : overrides.stringPropertyNames()) {
                boolean own = key.startsWith(TopicOverrides.PREFIX) || key.startsWith("troopwatch.");
                (own ? topicSettings : client).setProperty(key, overrides.getProperty(key));
            }
            if (connection.bootstrapServers != null || !client.containsKey(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)) {
                client.setProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrap());
            }
            List<TopicChange> changes = PipelineRunner.applyTopics(client, topicSettings, timeout);
            changes.forEach(out::println);
            out.printf("%d topics checked, %d changed, at %s%n", changes.stream().map(TopicChange::topic).distinct()
                    .count(), changes.stream().filter(TopicChange::modified).map(TopicChange::topic).distinct()
                    .count(), client.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
            return 0;
        });
    }

    /** --config, then the flags on top. */
    Properties overrides() {
        Properties props = configFile == null ? new Properties() : TroopwatchConfig.loadFile(configFile);
        if (topicsDir != null) {
            props.setProperty(TopicOverrides.DIR, topicsDir.toString());
        }
        if (replicationFactor != null) {
            props.setProperty(TopicOverrides.PREFIX + TopicOverrides.REPLICATION_FACTOR, replicationFactor.toString());
        }
        if (partitions != null) {
            props.setProperty(TopicOverrides.PREFIX + TopicOverrides.PARTITIONS, partitions.toString());
        }
        if (minInsyncReplicas != null) {
            props.setProperty(TopicOverrides.PREFIX + TopicOverrides.CONFIG + "min.insync.replicas",
                    minInsyncReplicas.toString());
        }
        return props;
    }
}
