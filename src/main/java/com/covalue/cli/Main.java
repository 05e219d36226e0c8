package com.covalue.cli;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code covalue} command: dispatches to one class per subcommand. */
@Command(name = "covalue",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Governance advice for strategic outsourcing relationships, from rules your governance leads own.",
        subcommands = {AdviseCommand.class, ReviewCommand.class, DiffCommand.class, VerifyCommand.class, ServeCommand.class,
                CdsTrainingCommand.class, UsersCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 findings or failures, 2 bad usage or bad input, 3 the service stopped unexpectedly."})
public final class Main implements Runnable {

    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code for failed checks (verify) or a failed gate (review). */
    public static final int FAILURES = 1;
    /** Exit code for bad usage or bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit code of {@code serve} when its web server stopped without being asked to. */
    public static final int SERVER_STOPPED = 3;

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
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli lets Errors through, and the JVM would then exit 1, which a pipeline gating on
            // `review` reads as a failed gate rather than as a review that never finished
            cli.getErr().println("covalue: ran out of memory (the Java heap may hold at most "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB); give Java more, for example"
                    + " COVALUE_JAVA_OPTS=-Xmx1g, or give the command less at a time");
            cli.getErr().flush();
            return BAD_INPUT;
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code --version}: the version, build time and git revision Maven wrote into {@code covalue-build.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties build = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/covalue-build.properties")) {
                if (in != null) {
                    build.load(in);
                }
            } catch (IOException e) {
                // no build record: said below
            }
            String version = filled(build.getProperty("version"));
            if (version == null) {
                return new String[] {"covalue (built without Maven: version unknown)"};
            }
            String built = filled(build.getProperty("built"));
            String git = filled(build.getProperty("git"));
            return new String[] {"covalue " + version + (git == null ? "" : " (git " + git + ")")
                    + (built == null ? "" : ", built " + built),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.vendor") + ")"};
        }

        /** The value, or null when Maven left it unset or unfiltered. */
        private static String filled(String value) {
            return value == null || value.isBlank() || value.contains("${") || value.equals("unknown") ? null : value.strip();
        }
    }
}
