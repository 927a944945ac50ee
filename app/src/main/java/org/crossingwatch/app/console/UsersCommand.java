package org.crossingwatch.app.console;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.crossingwatch.console.ConsoleSettings;
import org.crossingwatch.console.auth.PasswordHasher;
import org.crossingwatch.console.auth.Role;
import org.crossingwatch.console.auth.Users;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crossingwatch users add NAME --role officer|analyst|admin}: adds a console user, or
 * replaces an existing user's role and password. The password is read from the terminal without
 * echo (asked twice) or, when input is not a terminal, from the first line of standard input; it is
 * never taken from the command line, where other users of the machine could see it.
 */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Manages the console's users.",
    subcommands = {CommandLine.HelpCommand.class})
public final class UsersCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final InputStream input;
  private final boolean allowTerminal;

  /** Reads the password from the terminal, or from standard input when there is none. */
  public UsersCommand() {
    this(System.in, true);
  }

  /** Reads the password from the first line of {@code input} (for tests and scripts). */
  public UsersCommand(InputStream input) {
    this(input, false);
  }

  private UsersCommand(InputStream input, boolean allowTerminal) {
    this.input = input;
    this.allowTerminal = allowTerminal;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Adds a user, or sets a new role and password for an existing one.")
  int add(
      @Parameters(paramLabel = "NAME", description = "Login name: letters, digits, '.', '_', '-'.")
          String name,
      @Option(
              names = {"-r", "--role"},
              required = true,
              description = "officer, analyst or admin.")
          String role,
      @Option(
              names = {"-d", "--data-dir"},
              defaultValue = "data",
              description = "Data folder (default: ${DEFAULT-VALUE}).")
          Path dataDir,
      @Option(
              names = {"-u", "--users"},
              description = "Users file (default: <data-dir>/console/users.yaml).")
          Path usersFile) {
    Role parsed;
    try {
      parsed = Role.parse(role);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Path file = usersFile != null ? usersFile : ConsoleSettings.defaults(dataDir).usersFile();
    char[] password = readPassword(name);
    try {
      Users.load(file, new PasswordHasher()).add(name, parsed, password);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    } finally {
      Arrays.fill(password, '\0');
    }
    spec.commandLine()
        .getOut()
        .println("User '" + name + "' (" + parsed.id() + ") saved in " + file);
    return 0;
  }

  private char[] readPassword(String name) {
    java.io.Console terminal = allowTerminal ? System.console() : null;
    if (terminal != null) {
      char[] first = terminal.readPassword("Password for %s: ", name);
      char[] second = terminal.readPassword("Again: ");
      if (first == null || second == null || !Arrays.equals(first, second)) {
        throw new ParameterException(spec.commandLine(), "The two passwords differ");
      }
      Arrays.fill(second, '\0');
      return first;
    }
    try {
      String line = new BufferedReader(new InputStreamReader(input, UTF_8)).readLine();
      if (line == null || line.isEmpty()) {
        throw new ParameterException(
            spec.commandLine(), "Give the password on the first line of standard input");
      }
      return line.toCharArray();
    } catch (IOException e) {
      throw new ParameterException(
          spec.commandLine(), "Cannot read the password: " + e.getMessage());
    }
  }
}
