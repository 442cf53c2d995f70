package dev.troopwatch.cli;

import dev.troopwatch.kafka.EmbeddedKafkaBroker;
import picocli.CommandLine.IVersionProvider;

/** {@code COMMAND --version}: troopwatch's version and the Kafka version it runs and embeds. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"troopwatch " + (version == null ? "(development build)" : version)
                + ", Apache Kafka " + EmbeddedKafkaBroker.kafkaVersion()};
    }
}
