package dev.troopwatch.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Turns a failure of a command into one line on stderr and exit code 1: people running the CLI should read what
 * went wrong, not a stack trace. {@code -Dtroopwatch.stacktraces=true} shows the trace for debugging.
 */
final class CommandErrors {
    private CommandErrors() {
    }

    static int run(CommandSpec spec, Callable<Integer> body) {
        try {
            return body.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (Exception e) {
            spec.commandLine().getErr().println("troopwatch " + spec.name() + ": " + message(e));
            if (Boolean.getBoolean("troopwatch.stacktraces")) {
                e.printStackTrace(spec.commandLine().getErr());
            }
            return 1;
        }
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
