package org.crossingwatch.console.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersTest {
  private final PasswordHasher hasher = new PasswordHasher(64, 1, 1);
  @TempDir Path dir;

  @Test
  void addedUsersAreSavedWithSaltedArgon2idHashesAndAuthenticate() throws Exception {
    Path file = dir.resolve("console/users.yaml");
    Users users = Users.load(file, hasher);
    users.add("olga", Role.OFFICER, "пароль-для-смены".toCharArray());
    users.add("adam", Role.ADMIN, "пароль-для-смены".toCharArray());
    String yaml = Files.readString(file);
    assertThat(yaml).doesNotContain("пароль").contains("role: \"officer\"", "role: \"admin\"");
    assertThat(yaml.lines().filter(l -> l.contains("$argon2id$v=19$m=64,t=1,p=1$")).distinct())
        .hasSize(2);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    Users reloaded = Users.load(file, hasher);
    assertThat(reloaded.list()).extracting(User::name).containsExactly("adam", "olga");
    assertThat(reloaded.authenticate("olga", "пароль-для-смены".toCharArray()))
        .map(User::role)
        .contains(Role.OFFICER);
    assertThat(reloaded.authenticate("olga", "пароль-для-сменЫ".toCharArray())).isEmpty();
    assertThat(reloaded.authenticate("nobody", "пароль-для-смены".toCharArray())).isEmpty();
  }

  @Test
  void bootstrapCreatesOneAdminWithARandomPasswordOnlyWhenTheFileIsMissing() {
    Path file = dir.resolve("users.yaml");
    String password = Users.bootstrapAdminIfMissing(file, hasher).orElseThrow();
    assertThat(password).matches("[A-Za-z0-9]{20}");
    assertThat(Users.bootstrapAdminIfMissing(file, hasher)).isEmpty();
    Users users = Users.load(file, hasher);
    assertThat(users.list()).hasSize(1);
    assertThat(users.authenticate("admin", password.toCharArray()))
        .map(User::role)
        .contains(Role.ADMIN);
  }

  @Test
  void shortPasswordsAndBadNamesAreRefusedWithTheReason() {
    Users users = Users.load(dir.resolve("users.yaml"), hasher);
    assertThatThrownBy(() -> users.add("olga", Role.OFFICER, "short".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Password for 'olga' must have at least 12 characters, had 5");
    assertThatThrownBy(() -> users.add("o lga", Role.OFFICER, "long enough password".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("User name must be 1..64 of letters, digits, '.', '_' or '-', was 'o lga'");
  }

  @Test
  void aBrokenUsersFileNamesTheFileAndTheEntry() throws Exception {
    Path file = dir.resolve("users.yaml");
    Files.writeString(file, "users:\n  - name: olga\n    role: chief\n    passwordHash: x\n");
    assertThatThrownBy(() -> Users.load(file, hasher))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Users file "
                + file
                + ", users[0]: Role must be one of officer, analyst, admin, was 'chief'");
  }

  @Test
  void aMalformedHashNeverMatches() {
    assertThat(hasher.verify("anything".toCharArray(), "$argon2id$v=19$broken")).isFalse();
    assertThat(hasher.verify("anything".toCharArray(), null)).isFalse();
    String hash = hasher.hash("anything at all".toCharArray());
    assertThat(hash).isNotEqualTo(hasher.hash("anything at all".toCharArray()));
    assertThat(hasher.verify("anything at all".toCharArray(), hash)).isTrue();
  }
}
