package com.covalue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.app.Accounts;
import com.covalue.app.User;
import com.covalue.model.Role;
import com.covalue.store.HistoryStore;
import com.covalue.store.StoreSettings;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code covalue users}: add (a password from standard input or made up, stored only as a hash that
 * signs in), list, revoke-tokens and remove.
 */
class UsersCommandTest {

    @TempDir
    Path data;

    private CliTest.Run runWithInput(String input, String... args) {
        InputStream old = System.in;
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            return CliTest.run(args);
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void users_add_reads_the_password_from_standard_input_or_makes_one_up() {
        String[] tokens;
        CliTest.Run added = runWithInput("a long enough secret\n", "users", "add", "lee", "--role", "lead", "--data", data.toString());
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("added lee (lead)").doesNotContain("a long enough secret");

        CliTest.Run generated = runWithInput("", "users", "add", "vic", "--role", "viewer", "--generate", "--data", data.toString());
        assertThat(generated.exit()).as(generated.err()).isZero();
        String password = generated.out().substring(generated.out().indexOf("password (shown only now): ") + 27).strip();
        assertThat(password).hasSize(20);

        CliTest.Run again = runWithInput("another long secret\n", "users", "add", "lee", "--role", "admin", "--data", data.toString());
        assertThat(again.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(again.err()).contains("already a user called lee");
        CliTest.Run shortOne = runWithInput("short\n", "users", "add", "sam", "--role", "lead", "--data", data.toString());
        assertThat(shortOne.err()).contains("password: a password is 12 to 72 bytes long");
        CliTest.Run badRole = runWithInput("a long enough secret\n", "users", "add", "sam", "--role", "boss", "--data", data.toString());
        assertThat(badRole.err()).contains("--role must be admin, lead or viewer");

        assertThat(CliTest.run("users", "list", "--data", data.toString()).out()).isEqualTo("lee\tlead\nvic\tviewer\n");
        try (HistoryStore store = HistoryStore.open(StoreSettings.embedded(data), TestSupport.CLOCK)) {
            Accounts accounts = new Accounts(store.accounts());
            assertThat(accounts.signIn("lee", "a long enough secret")).isPresent();
            assertThat(accounts.signIn("vic", password)).isPresent();
            assertThat(accounts.signIn("lee", "a long enough secreT")).isEmpty();
            assertThat(store.accounts().user("lee").orElseThrow().passwordHash()).startsWith("$2a$12$");
            tokens = new String[] {accounts.newToken(new User("lee", Role.LEAD), "a"), accounts.newToken(new User("lee", Role.LEAD), "b")};
        }

        // revoking tokens and removing users, from the command line (the service stopped, or on a shared database)
        CliTest.Run revoked = CliTest.run("users", "revoke-tokens", "lee", "--data", data.toString());
        assertThat(revoked.exit()).as(revoked.err()).isZero();
        assertThat(revoked.out()).isEqualTo("revoked 2 API tokens of lee\n");
        CliTest.Run removed = CliTest.run("users", "remove", "vic", "--data", data.toString());
        assertThat(removed.out()).isEqualTo("removed vic (viewer)\n");
        CliTest.Run unknown = CliTest.run("users", "remove", "vic", "--data", data.toString());
        assertThat(unknown.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(unknown.err()).contains("There is no user called vic.");
        assertThat(CliTest.run("users", "list", "--data", data.toString()).out()).isEqualTo("lee\tlead\n");
        try (HistoryStore store = HistoryStore.open(StoreSettings.embedded(data), TestSupport.CLOCK)) {
            Accounts accounts = new Accounts(store.accounts());
            assertThat(accounts.byToken(tokens[0])).isEmpty();
            assertThat(accounts.byToken(tokens[1])).isEmpty();
            assertThat(accounts.signIn("vic", password)).isEmpty();
        }
    }
}
