package com.covalue.cli;

import com.covalue.app.Accounts;
import com.covalue.app.Secrets;
import com.covalue.app.User;
import com.covalue.model.CovalueException;
import com.covalue.model.Role;
import com.covalue.store.HistoryStore;
import com.covalue.store.StoreException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code covalue users}: the web app's users, in the history store (the embedded one only while the service is stopped). */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Add, list and remove the web app's users, and revoke their API tokens.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Remove.class, UsersCommand.RevokeTokens.class})
final class UsersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code covalue users add NAME --role R}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add a user. The password is read from standard input (one line), asked for at the terminal,",
                    "or with --generate made up and printed once."})
    static final class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The user's sign-in name: 1-64 of A-Z a-z 0-9 . _ @ -")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, lead or viewer.")
        String role;

        @Option(names = "--generate", description = "Make up a strong password and print it once.")
        boolean generate;

        @Mixin
        StoreOptions storeOptions;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Role parsed;
            try {
                parsed = Role.valueOf(role.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                err.println("covalue: --role must be admin, lead or viewer, not '" + role + "'");
                return Main.BAD_INPUT;
            }
            String password;
            try {
                password = generate ? Secrets.newPassword() : password(err);
            } catch (IOException e) {
                err.println("covalue: cannot read the password: " + e.getMessage());
                return Main.BAD_INPUT;
            }
            if (password == null) {
                return Main.BAD_INPUT;
            }
            try (HistoryStore store = HistoryStore.open(storeOptions.settings(), Clock.systemUTC())) {
                User user = new Accounts(store.accounts()).add(name, parsed, password);
                out.println("added " + user.name() + " (" + user.role().name().toLowerCase(Locale.ROOT) + ") to "
                        + store.settings().describe());
                if (generate) {
                    out.println("password (shown only now): " + password);
                }
                return Main.OK;
            } catch (CovalueException e) {
                err.println("covalue: " + e.getMessage() + problems(e));
                return Main.BAD_INPUT;
            } catch (StoreException e) {
                err.println("covalue: " + e.getMessage());
                return Main.BAD_INPUT;
            }
        }

        /** Asked twice at a terminal; otherwise the first line of standard input. Null (after saying why) when unusable. */
        private String password(PrintWriter err) throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("Password for %s (at least %d characters): ", name, Accounts.MIN_PASSWORD);
                char[] again = console.readPassword("Again: ");
                if (first == null || again == null || !Arrays.equals(first, again)) {
                    err.println("covalue: the two passwords differ; nothing was added");
                    return null;
                }
                return new String(first);
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                err.println("covalue: give the password on standard input (one line), or use --generate");
                return null;
            }
            return line;
        }

        private static String problems(CovalueException e) {
            StringBuilder s = new StringBuilder();
            e.problems().forEach(p -> s.append(System.lineSeparator()).append("  ").append(p.field()).append(": ").append(p.message()));
            return s.toString();
        }
    }

    /** {@code covalue users list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users and their roles.")
    static final class ListUsers implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Override
        public Integer call() {
            try (HistoryStore store = HistoryStore.open(storeOptions.settings(), Clock.systemUTC())) {
                for (User u : new Accounts(store.accounts()).users()) {
                    spec.commandLine().getOut().println(u.name() + "\t" + u.role().name().toLowerCase(Locale.ROOT));
                }
                return Main.OK;
            } catch (StoreException e) {
                spec.commandLine().getErr().println("covalue: " + e.getMessage());
                return Main.BAD_INPUT;
            }
        }
    }

    /** {@code covalue users remove NAME}. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Remove a user. Their API tokens go with them, and a running service ends their",
                    "browser sessions on their next request. The last admin cannot be removed."})
    static final class Remove implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The user to remove.")
        String name;

        @Mixin
        StoreOptions storeOptions;

        @Override
        public Integer call() {
            return withAccounts(spec, storeOptions, accounts -> {
                User removed = accounts.remove(name);
                return "removed " + removed.name() + " (" + removed.role().name().toLowerCase(Locale.ROOT) + ")";
            });
        }
    }

    /** {@code covalue users revoke-tokens NAME}. */
    @Command(name = "revoke-tokens", mixinStandardHelpOptions = true,
            description = "Revoke every API token of a user; they stop working at once. The user can still sign in.")
    static final class RevokeTokens implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The user whose tokens to revoke.")
        String name;

        @Mixin
        StoreOptions storeOptions;

        @Override
        public Integer call() {
            return withAccounts(spec, storeOptions, accounts -> {
                int n = accounts.revokeTokens(name);
                return "revoked " + n + " API token" + (n == 1 ? "" : "s") + " of " + name;
            });
        }
    }

    /** Runs one change on the accounts of the store and prints what it says, or the refusal. */
    private static int withAccounts(CommandSpec spec, StoreOptions storeOptions, java.util.function.Function<Accounts, String> change) {
        try (HistoryStore store = HistoryStore.open(storeOptions.settings(), Clock.systemUTC())) {
            spec.commandLine().getOut().println(change.apply(new Accounts(store.accounts())));
            return Main.OK;
        } catch (CovalueException | StoreException e) {
            spec.commandLine().getErr().println("covalue: " + e.getMessage());
            return Main.BAD_INPUT;
        }
    }
}
