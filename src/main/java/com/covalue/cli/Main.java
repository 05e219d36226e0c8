package com.covalue.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code covalue} command: dispatches to one class per subcommand. */
@Command(name = "covalue",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Governance advice for strategic outsourcing relationships, from rules your governance leads own.",
        subcommands = {AdviseCommand.class, ReviewCommand.class, VerifyCommand.class, ServeCommand.class,
                CdsTrainingCommand.class, UsersCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 findings or failures, 2 bad usage or bad input."})
public final class Main implements Runnable {

    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code for failed checks (verify) or a failed gate (review). */
    public static final int FAILURES = 1;
    /** Exit code for bad usage or bad input. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (used by tests too). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExitCodeExceptionMapper(e -> BAD_INPUT);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(LocalDate.class, text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a date; write it as YYYY-MM-DD");
            }
        });
        cli.setParameterExceptionHandler((ex, a) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("covalue: " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return BAD_INPUT;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"covalue " + (v == null ? "development build" : v)};
        }
    }
}
