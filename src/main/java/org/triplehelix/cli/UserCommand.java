package org.triplehelix.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import org.triplehelix.access.Account;
import org.triplehelix.access.AccountFilter;
import org.triplehelix.access.NewAccount;
import org.triplehelix.access.PasswordPolicy;
import org.triplehelix.access.Role;
import org.triplehelix.access.UserAccounts;
import org.triplehelix.shared.Page;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code helix user}: accounts on the server's command line. The first administrator is made
 * here (there is no default account); the password comes from {@code HELIX_PASSWORD} or
 * standard input, never from an argument (arguments show in the process list and the history).
 */
@Command(name = "user", description = "Manage accounts: add one, set a forgotten password, list them.",
        subcommands = {UserCommand.Add.class, UserCommand.SetPassword.class, UserCommand.ListUsers.class})
class UserCommand {

    static final String PASSWORD_VARIABLE = "HELIX_PASSWORD";

    @ParentCommand
    HelixCommand global;

    /** Where passwords come from; tests replace it. */
    Function<String, String> environment = System::getenv;

    @Command(name = "add", description = "Create an active account. Password from HELIX_PASSWORD or standard input.")
    static class Add implements Callable<Integer> {

        @ParentCommand
        UserCommand user;

        @Spec
        CommandSpec spec;

        @Option(names = "--email", required = true, description = "The email the user signs in with.")
        String email;

        @Option(names = "--name", required = true, description = "The user's display name.")
        String name;

        @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
                description = "ADMIN, ORG_ADMIN, ENTERPRISE, RESEARCHER, REVIEWER or STUDENT; repeat for several roles.")
        List<String> roles;

        @Option(names = "--organization", paramLabel = "ORG_EXT_ID", description = "The external id of the user's organization.")
        String organization;

        @Option(names = "--person", paramLabel = "PERSON_EXT_ID", description = "The external id of the user's own registry person (a researcher).")
        String person;

        @Override
        public Integer call() throws IOException {
            Set<Role> roleSet = EnumSet.noneOf(Role.class);
            roles.forEach(role -> roleSet.add(Role.of(role)));
            String password = user.password(spec);
            PasswordPolicy.check(password, email, name);
            try (ConfigurableApplicationContext services = Platform.withoutSearch(user.global)) {
                Account account = services.getBean(UserAccounts.class)
                        .create(new NewAccount(email, name, roleSet, organization, person), password);
                spec.commandLine().getOut().printf("Created account %d: %s (%s), roles %s, active. Sign in at /login.%n",
                        account.id(), account.email(), account.name(), roles(account));
            }
            return 0;
        }
    }

    @Command(name = "password", description = "Set a user's password (a forgotten one) and lift a lock. Password from HELIX_PASSWORD or standard input.")
    static class SetPassword implements Callable<Integer> {

        @ParentCommand
        UserCommand user;

        @Spec
        CommandSpec spec;

        @Option(names = "--email", required = true, description = "The user's email.")
        String email;

        @Override
        public Integer call() throws IOException {
            String password = user.password(spec);
            try (ConfigurableApplicationContext services = Platform.withoutSearch(user.global)) {
                Account account = services.getBean(UserAccounts.class).resetPassword(email, password);
                spec.commandLine().getOut().printf("Password set for account %d: %s.%n", account.id(), account.email());
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List the accounts.")
    static class ListUsers implements Callable<Integer> {

        @ParentCommand
        UserCommand user;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ConfigurableApplicationContext services = Platform.withoutSearch(user.global)) {
                UserAccounts accounts = services.getBean(UserAccounts.class);
                Page<Account> page = accounts.search(AccountFilter.NONE, 0, 100);
                if (page.total() == 0) {
                    out.println("No accounts. Create the first administrator with: ./helix user add --email E --name N --role ADMIN");
                }
                for (int number = 0; number < page.pages(); number++) {
                    page = number == 0 ? page : accounts.search(AccountFilter.NONE, number, 100);
                    page.items().forEach(account -> out.printf("%d\t%s\t%s\t%s\t%s%s%n", account.id(), account.email(), account.name(),
                            account.status().code(), roles(account), account.locked() ? "\tlocked until " + account.lockedUntil() : ""));
                }
            }
            return 0;
        }
    }

    /** The password from HELIX_PASSWORD, else asked twice on a terminal, else the first line of standard input. */
    String password(CommandSpec spec) throws IOException {
        String fromEnvironment = environment.apply(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        Console console = System.console();
        if (console != null && console.isTerminal()) {
            char[] first = console.readPassword("Password (12 characters or more): ");
            char[] second = console.readPassword("The same password again: ");
            if (first == null || !Arrays.equals(first, second)) {
                throw new IllegalArgumentException("the two passwords differ");
            }
            return new String(first);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException("no password: set " + PASSWORD_VARIABLE + " or give it on standard input");
        }
        return line;
    }

    private static String roles(Account account) {
        return account.roles().stream().map(Role::name).sorted().reduce((a, b) -> a + "," + b).orElse("");
    }
}
