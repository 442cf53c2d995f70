package dev.troopwatch.cli;

import dev.troopwatch.runtime.BrokerAddressFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --bootstrap-servers} and {@code --data-dir}, shared by the commands that talk to a broker. */
public final class ConnectionOptions {
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers to connect to. Default: the broker that `demo` or `broker` recorded in "
                    + "<data-dir>/broker.address, else " + BrokerAddressFile.FALLBACK + ".")
    String bootstrapServers;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".troopwatch",
            description = "troopwatch data directory (broker data, state stores, broker address, feed "
                    + "bookkeeping). Default: ${DEFAULT-VALUE}")
    Path dataDir;

    /** The explicit address, else the recorded one, else localhost:9092. */
    String bootstrap() {
        return BrokerAddressFile.resolve(bootstrapServers, dataDir);
    }
}
