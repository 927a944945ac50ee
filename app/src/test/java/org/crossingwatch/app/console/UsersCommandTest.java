package org.crossingwatch.app.console;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.crossingwatch.console.ConsoleSettings;
import org.crossingwatch.console.auth.PasswordHasher;
import org.crossingwatch.console.auth.Role;
import org.crossingwatch.console.auth.User;
import org.crossingwatch.console.auth.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UsersCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int users(String stdin, String... args) {
    CommandLine cli =
        new CommandLine(new UsersCommand(new ByteArrayInputStream(stdin.getBytes(UTF_8))));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void addReadsThePasswordFromStandardInputNeverFromArguments() throws Exception {
    Path file = dir.resolve("users.yaml");
    int code =
        users(
            "كلمة سر طويلة جدا\n", "add", "olga", "--role", "officer", "--users", file.toString());
    assertThat(code).isEqualTo(0);
    assertThat(out.toString()).isEqualTo("User 'olga' (officer) saved in " + file + "\n");
    assertThat(Files.readString(file))
        .contains("$argon2id$v=19$m=19456,t=2,p=1$")
        .doesNotContain("كلمة");
    assertThat(
            Users.load(file, new PasswordHasher())
                .authenticate("olga", "كلمة سر طويلة جدا".toCharArray()))
        .map(User::role)
        .contains(Role.OFFICER);
  }

  @Test
  void addDefaultsToTheUsersFileInTheDataFolder() {
    Path data = dir.resolve("data");
    assertThat(
            users(
                "a long enough password\n", "add", "anna", "-r", "ANALYST", "-d", data.toString()))
        .isEqualTo(0);
    assertThat(ConsoleSettings.defaults(data).usersFile()).exists();
  }

  @Test
  void anUnknownRoleOrAMissingOrShortPasswordIsRefusedWithTheReason() {
    Path file = dir.resolve("users.yaml");
    assertThat(
            users(
                "a long enough password\n", "add", "eve", "--role", "root", "-u", file.toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .startsWith("Role must be one of officer, analyst, admin, was 'root'\n");
    err.getBuffer().setLength(0);
    assertThat(users("", "add", "eve", "--role", "admin", "-u", file.toString())).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("Give the password on the first line of standard input\n");
    err.getBuffer().setLength(0);
    assertThat(users("short\n", "add", "eve", "--role", "admin", "-u", file.toString()))
        .isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo("Password for 'eve' must have at least 12 characters, had 5\n");
    assertThat(file).doesNotExist();
  }

  @Test
  void consoleCommandNeedsABrokerAndDefaultsToLoopback8080() {
    CommandLine cli = new CommandLine(new ConsoleCommand());
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute()).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("Missing required option: '--bootstrap-servers=<bootstrapServers>'");
    ConsoleCommand command = new ConsoleCommand();
    new CommandLine(command).parseArgs("-b", "kafka:9092", "-d", dir.toString());
    ConsoleSettings settings = command.settings();
    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.usersFile()).isEqualTo(dir.resolve("console").resolve("users.yaml"));
    assertThat(settings.indexDir()).isEqualTo(dir.resolve("console").resolve("index"));
  }

  @Test
  void theBootstrapPasswordIsPrintedOnceToTheTerminal() {
    ConsoleCommand.printBootstrapPassword(
        new PrintWriter(out, true), Optional.of("S3cretGeneratedPw"));
    ConsoleCommand.printBootstrapPassword(new PrintWriter(out, true), Optional.empty());
    assertThat(out.toString())
        .isEqualTo(
            "Created console user 'admin' with password: S3cretGeneratedPw\n"
                + "It is shown only now. Add officers with: crossingwatch users add NAME --role"
                + " officer\n");
  }
}
