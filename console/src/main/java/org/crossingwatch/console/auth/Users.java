package org.crossingwatch.console.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The console's users, kept in a YAML file ({@code users: [{name, role, passwordHash}]}) with
 * Argon2id hashes. Adding a user rewrites the file atomically with owner-only permissions where the
 * file system has them. Thread-safe.
 */
public final class Users {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final char[] ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

  private final Path file;
  private final PasswordHasher hasher;
  private final Map<String, User> users = new LinkedHashMap<>();
  private final String dummyHash;

  private Users(Path file, PasswordHasher hasher) {
    this.file = file;
    this.hasher = hasher;
    this.dummyHash = hasher.hash("not-a-password".toCharArray());
  }

  /**
   * Loads the users file; a missing file means no users yet.
   *
   * @throws IllegalArgumentException when the file is not a valid users file, naming the file and
   *     the entry
   */
  public static Users load(Path file, PasswordHasher hasher) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(hasher, "hasher");
    Users loaded = new Users(file, hasher);
    if (!Files.exists(file)) {
      return loaded;
    }
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Users file " + file + " is not valid YAML: " + e.getMessage(), e);
    }
    JsonNode list = root == null ? null : root.get("users");
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException("Users file " + file + " has no 'users' list");
    }
    int index = 0;
    for (JsonNode entry : list) {
      try {
        User user =
            new User(
                entry.path("name").asText(null),
                Role.parse(entry.path("role").asText(null)),
                entry.path("passwordHash").asText(null));
        loaded.users.put(user.name(), user);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Users file " + file + ", users[" + index + "]: " + e.getMessage(), e);
      }
      index++;
    }
    return loaded;
  }

  /**
   * Creates the users file with one {@code admin} user and a random password when the file does not
   * exist yet, so a fresh installation can be logged into.
   *
   * @return the generated password, to be shown once to the person starting the console (never
   *     logged); empty when the file already existed
   */
  public static Optional<String> bootstrapAdminIfMissing(Path file, PasswordHasher hasher) {
    Objects.requireNonNull(file, "file");
    if (Files.exists(file)) {
      return Optional.empty();
    }
    String password = randomPassword(20);
    load(file, hasher).add("admin", Role.ADMIN, password.toCharArray());
    return Optional.of(password);
  }

  /** The file these users live in. */
  public Path file() {
    return file;
  }

  /** The user called {@code name}, if any. */
  public synchronized Optional<User> find(String name) {
    return Optional.ofNullable(users.get(name));
  }

  /** Every user, by name. */
  public synchronized List<User> list() {
    List<User> all = new ArrayList<>(users.values());
    all.sort(Comparator.comparing(User::name));
    return List.copyOf(all);
  }

  /**
   * The user whose name and password match. Spends the same hashing time for an unknown name, so
   * the response time does not tell which names exist.
   */
  public Optional<User> authenticate(String name, char[] password) {
    Optional<User> user = find(name == null ? "" : name);
    boolean ok = hasher.verify(password, user.map(User::passwordHash).orElse(dummyHash));
    return ok ? user : Optional.empty();
  }

  /**
   * Adds a user, or replaces the role and password of an existing one, and saves the file.
   *
   * @throws IllegalArgumentException for a bad name or a password shorter than 12 characters
   */
  public synchronized User add(String name, Role role, char[] password) {
    User.validName(name);
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(password, "password");
    if (password.length < 12) {
      throw new IllegalArgumentException(
          "Password for '" + name + "' must have at least 12 characters, had " + password.length);
    }
    User user = new User(name, role, hasher.hash(password));
    users.put(name, user);
    save();
    return user;
  }

  private void save() {
    ObjectNode root = YAML.createObjectNode();
    ArrayNode list = root.putArray("users");
    for (User user : users.values()) {
      ObjectNode entry = list.addObject();
      entry.put("name", user.name());
      entry.put("role", user.role().id());
      entry.put("passwordHash", user.passwordHash());
    }
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, ".users", ".tmp");
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the directory's own permissions have to do.
      }
      Files.writeString(temp, YAML.writeValueAsString(root));
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write users as YAML", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save users file " + file, e);
    }
  }

  private static String randomPassword(int length) {
    SecureRandom random = new SecureRandom();
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return out.toString();
  }
}
