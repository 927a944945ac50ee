package org.crossingwatch.console.auth;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code
 * $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, unpadded Base64), with a fresh 16-byte salt per
 * hash. The defaults follow OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane). Thread-safe.
 */
public final class PasswordHasher {
  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final int memoryKiB;
  private final int iterations;
  private final int parallelism;
  private final SecureRandom random = new SecureRandom();

  /** The production cost: 19 MiB, 2 iterations, 1 lane. */
  public PasswordHasher() {
    this(19_456, 2, 1);
  }

  /** A hasher with explicit cost parameters (tests may choose a lower cost). */
  public PasswordHasher(int memoryKiB, int iterations, int parallelism) {
    if (memoryKiB < 8 || iterations < 1 || parallelism < 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Argon2id cost must be m>=8, t>=1, p>=1, was m=%d, t=%d, p=%d",
              memoryKiB,
              iterations,
              parallelism));
    }
    this.memoryKiB = memoryKiB;
    this.iterations = iterations;
    this.parallelism = parallelism;
  }

  /** A new PHC string for {@code password} with a random salt. */
  public String hash(char[] password) {
    Objects.requireNonNull(password, "password");
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, memoryKiB, iterations, parallelism, 32);
    return String.format(
        Locale.ROOT,
        "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s",
        memoryKiB,
        iterations,
        parallelism,
        B64.encodeToString(salt),
        B64.encodeToString(hash));
  }

  /**
   * True when {@code password} matches {@code phc}; false for a wrong password or a malformed hash
   * (a malformed hash never lets anyone in). Compares in constant time.
   */
  public boolean verify(char[] password, String phc) {
    Objects.requireNonNull(password, "password");
    if (phc == null) {
      return false;
    }
    Matcher m = PHC.matcher(phc);
    if (!m.matches()) {
      return false;
    }
    byte[] salt = B64D.decode(m.group(4));
    byte[] expected = B64D.decode(m.group(5));
    byte[] actual =
        derive(
            password,
            salt,
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)),
            expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  /** True when {@code phc} has the shape of a hash this class writes. */
  public static boolean isWellFormed(String phc) {
    return phc != null && PHC.matcher(phc).matches();
  }

  private static byte[] derive(
      char[] password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length) {
    Argon2Parameters params =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKiB)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] out = new byte[length];
    ByteBuffer encoded = UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    generator.generateBytes(bytes, out);
    Arrays.fill(bytes, (byte) 0);
    return out;
  }
}
