package org.entente.server.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.entente.core.policy.MemberId;
import org.entente.server.access.PasswordHasher;
import org.entente.server.access.Tokens;
import org.entente.store.Account;
import org.entente.store.CollectionInfo;
import org.entente.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code entente user add|grant|token}: accounts and their per-collection rights. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage users, their tokens and rights.",
        subcommands = {UserCommand.Add.class, UserCommand.Grant.class, UserCommand.Token.class})
final class UserCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create or replace a user. The password is read from standard input (one line), never from the command line.")
    static final class Add extends StoreCommand {

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--admin", description = "May read and write every collection and see every status.")
        boolean admin;

        @Option(names = "--password-stdin", description = "Read a password for HTTP Basic from standard input.")
        boolean passwordFromStdin;

        @Option(names = "--member", paramLabel = "ID",
                description = "The member the user acts for, when not this node's own (a member hosted here): it then reads only what the sharing policy lets that member receive,"
                        + " and what it writes is that member's, labelled with it as origin and the audience of the collection or share call.")
        String member;

        @Override
        public Integer call() throws IOException {
            Optional<MemberId> actsFor;
            try {
                actsFor = Optional.ofNullable(member).map(MemberId::new);
            } catch (IllegalArgumentException e) {
                return fail("--member: " + e.getMessage());
            }
            if (admin && actsFor.isPresent()) {
                return fail("an admin operates this node and sees everything; a user bound to a member cannot be one");
            }
            String hash = null;
            if (passwordFromStdin) {
                String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (password == null || password.length() < 8) {
                    return fail("the password must have at least 8 characters");
                }
                hash = new PasswordHasher().hash(password);
            }
            try (Store s = store.open()) {
                s.accounts().saveUser(new Account(name, hash, admin, actsFor));
            }
            out().println("user '" + name + "' saved" + (admin ? " as admin" : "")
                    + actsFor.map(m -> " acting for member " + m).orElse(""));
            return 0;
        }
    }

    @Command(name = "grant", mixinStandardHelpOptions = true, description = "Set a user's rights on a collection.")
    static final class Grant extends StoreCommand {

        @Parameters(index = "0", paramLabel = "USER")
        String user;

        @Parameters(index = "1", paramLabel = "COLLECTION", description = "Collection id or alias.")
        String collection;

        @Option(names = "--read", description = "May read.")
        boolean read;

        @Option(names = "--write", description = "May write.")
        boolean write;

        @Override
        public Integer call() {
            try (Store s = store.open()) {
                if (s.accounts().findUser(user).isEmpty()) {
                    return fail("no user '" + user + "'");
                }
                CollectionInfo c = s.collections().find(collection).orElse(null);
                if (c == null) {
                    return fail("no collection '" + collection + "'");
                }
                s.accounts().grant(user, c.id(), read, write);
            }
            out().printf("%s on %s: read=%s write=%s%n", user, collection, read, write);
            return 0;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true, description = "Issue a bearer token for a user; it is shown once.")
    static final class Token extends StoreCommand {

        @Parameters(paramLabel = "USER")
        String user;

        @Option(names = "--label", defaultValue = "issued by entente user token", description = "What the token is for.")
        String label;

        @Override
        public Integer call() {
            try (Store s = store.open()) {
                if (s.accounts().findUser(user).isEmpty()) {
                    return fail("no user '" + user + "'");
                }
                String token = Tokens.generate();
                s.accounts().addToken(Tokens.digest(token), user, label);
                out().println(token);
            }
            return 0;
        }
    }
}
