package org.crossingwatch.collectors.jsonl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.crossingwatch.collectors.Batch;
import org.crossingwatch.collectors.Problem;
import org.crossingwatch.model.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlSourceTest {
  private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static final String ARABIC =
      "{\"platform\":\"telegram\",\"channel\":\"safar_europa\",\"externalId\":\"4711\","
          + "\"url\":\"https://t.me/safar_europa/4711\",\"author\":\"Abu Omar\","
          + "\"text\":\"رحلة بحرية من زوارة إلى لامبيدوزا 🚤 السعر 3000$\","
          + "\"languageHint\":\"ar\",\"publishedAt\":\"2026-11-01T08:00:00Z\","
          + "\"links\":[\"https://wa.me/218912345678\"]}";
  private static final String PERSIAN =
      "{\"platform\":\"telegram\",\"channel\":\"rah_e_orupa\",\"externalId\":\"88\","
          + "\"text\":\"انتقال از ترکیه به یونان با قایق، تضمینی، پرداخت بعد از رسیدن\","
          + "\"forwardedFrom\":\"mosafer_channel\"}";
  private static final String FRENCH =
      "{\"platform\":\"facebook\",\"channel\":\"passage-calais\",\"externalId\":\"p-3\","
          + "\"text\":\"Passage garanti vers l'Angleterre en camion, prix à discuter\","
          + "\"collectedAt\":\"2026-10-30T21:15:00Z\"}";
  private static final String RUSSIAN =
      "{\"platform\":\"vk\",\"channel\":\"evropa_bez_viz\",\"externalId\":\"1001\","
          + "\"text\":\"Документы для въезда в Европу, паспорт за 5 дней\",\"author\":\"Иван\"}";

  @TempDir Path dir;

  @Test
  void readsMultilingualFileIntoExactPostsWithCaptureHashesAndDerivedKeys() throws IOException {
    Path file =
        write("posts.jsonl", ARABIC + "\n" + PERSIAN + "\n" + FRENCH + "\n" + RUSSIAN + "\n");

    Batch batch = JsonlSource.of(file, "jsonl:posts.jsonl", CLOCK).poll(Optional.empty(), 10);

    assertThat(batch)
        .isEqualTo(
            new Batch(
                List.of(arabicPost(), persianPost(), frenchPost(), russianPost()),
                List.of(),
                "byte=" + Files.size(file) + ",line=5",
                true));
    assertThat(batch.posts())
        .extracting(Post::key)
        .containsExactly(
            "telegram:safar_europa:4711",
            "telegram:rah_e_orupa:88",
            "facebook:passage-calais:p-3",
            "vk:evropa_bez_viz:1001");
  }

  @Test
  void idDefaultsToJsonlAndTheFileName() {
    assertThat(JsonlSource.of(dir.resolve("replay-2026-11.jsonl")).id())
        .isEqualTo("jsonl:replay-2026-11.jsonl");
  }

  @Test
  void resumesFromCheckpointExactlyAtTheLineAfterAMultiByteLine() throws IOException {
    Path file = write("posts.jsonl", ARABIC + "\n" + PERSIAN + "\n" + FRENCH + "\n");
    JsonlSource source = JsonlSource.of(file, "jsonl:posts.jsonl", CLOCK);
    long afterArabic = ARABIC.getBytes(UTF_8).length + 1;
    long afterPersian = afterArabic + PERSIAN.getBytes(UTF_8).length + 1;

    Batch first = source.poll(Optional.empty(), 1);
    Batch second = source.poll(Optional.of(first.checkpoint()), 1);
    Batch third = source.poll(Optional.of(second.checkpoint()), 5);

    assertThat(first)
        .isEqualTo(
            new Batch(List.of(arabicPost()), List.of(), "byte=" + afterArabic + ",line=2", false));
    assertThat(second)
        .isEqualTo(
            new Batch(
                List.of(persianPost()), List.of(), "byte=" + afterPersian + ",line=3", false));
    assertThat(third)
        .isEqualTo(
            new Batch(
                List.of(frenchPost()), List.of(), "byte=" + Files.size(file) + ",line=4", true));
  }

  @Test
  void badLinesAreReportedWithFileAndLineAndGoodLinesAfterThemAreStillRead() throws IOException {
    Path file =
        write(
            "mixed.jsonl",
            ARABIC
                + "\n"
                + "this is not json at all\n"
                + "{\"platform\":\"telegram\",\"channel\":\"safar_europa\",\"externalId\":\"4712\"}\n"
                + "[\"an\",\"array\"]\n"
                + "{\"platform\":\"telegram\",\"channel\":\"c\",\"externalId\":\"1\",\"text\":\"x\"} tail\n"
                + "{\"platform\":\"telegram\",\"channel\":\"c\",\"externalId\":\"1\",\"text\":\"x\","
                + "\"publishedAt\":\"yesterday\"}\n"
                + RUSSIAN
                + "\n");

    Batch batch = JsonlSource.of(file, "jsonl:mixed.jsonl", CLOCK).poll(Optional.empty(), 100);

    assertThat(batch.posts()).containsExactly(arabicPost(), russianPost());
    assertThat(batch.problems())
        .containsExactly(
            new Problem(
                "mixed.jsonl:2",
                "malformed-json",
                "not JSON: Unrecognized token 'this': was expecting (JSON String, Number, Array,"
                    + " Object or token 'null', 'true' or 'false')"),
            new Problem(
                "mixed.jsonl:3",
                "invalid-post",
                "Invalid Post JSON: missing required field 'text' in Post"),
            new Problem("mixed.jsonl:4", "malformed-json", "not a JSON object but array"),
            new Problem(
                "mixed.jsonl:5",
                "malformed-json",
                "not JSON: Unrecognized token 'tail': was expecting (JSON String, Number, Array,"
                    + " Object or token 'null', 'true' or 'false')"),
            new Problem(
                "mixed.jsonl:6",
                "invalid-post",
                "Invalid Post JSON: Cannot deserialize value of type `java.time.Instant` from"
                    + " String \"yesterday\": Failed to deserialize java.time.Instant:"
                    + " (java.time.format.DateTimeParseException) Text 'yesterday' could not be"
                    + " parsed at index 0"));
    assertThat(batch.checkpoint()).isEqualTo("byte=" + Files.size(file) + ",line=8");
    assertThat(batch.exhausted()).isTrue();
  }

  @Test
  void invalidUtf8IsReportedWithTheBytePosition() throws IOException {
    Path file = dir.resolve("latin1.jsonl");
    byte[] good = (FRENCH + "\n").getBytes(UTF_8);
    byte[] bad =
        "{\"text\":\"caf\u00e9\"}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Files.write(file, concat(good, bad));

    Batch batch = JsonlSource.of(file, "jsonl:latin1.jsonl", CLOCK).poll(Optional.empty(), 10);

    assertThat(batch.posts()).containsExactly(frenchPost());
    assertThat(batch.problems())
        .containsExactly(
            new Problem(
                "latin1.jsonl:2", "invalid-utf8", "not valid UTF-8 at byte 13 of the line"));
  }

  @Test
  void problemsCountTowardsTheBatchLimitSoBadRunsAdvanceInBoundedSteps() throws IOException {
    Path file = write("bad.jsonl", "oops\nnope\n" + RUSSIAN + "\n");
    JsonlSource source = JsonlSource.of(file, "jsonl:bad.jsonl", CLOCK);

    Batch first = source.poll(Optional.empty(), 2);
    Batch second = source.poll(Optional.of(first.checkpoint()), 2);

    assertThat(first.posts()).isEmpty();
    assertThat(first.problems())
        .extracting(Problem::location)
        .containsExactly("bad.jsonl:1", "bad.jsonl:2");
    assertThat(first.checkpoint()).isEqualTo("byte=10,line=3");
    assertThat(first.exhausted()).isFalse();
    assertThat(second.posts()).containsExactly(russianPost());
    assertThat(second.exhausted()).isTrue();
  }

  @Test
  void blankLinesAreSkippedAndStillCountedForLineNumbers() throws IOException {
    Path file = write("gaps.jsonl", "\n   \n" + FRENCH + "\n\t\n" + "{broken\n");

    Batch batch = JsonlSource.of(file, "jsonl:gaps.jsonl", CLOCK).poll(Optional.empty(), 10);

    assertThat(batch.posts()).containsExactly(frenchPost());
    assertThat(batch.problems()).extracting(Problem::location).containsExactly("gaps.jsonl:5");
    assertThat(batch.checkpoint()).isEqualTo("byte=" + Files.size(file) + ",line=6");
  }

  @Test
  void windowsLineEndingsAreNotPartOfTheCaptureHash() throws IOException {
    Path file = write("crlf.jsonl", RUSSIAN + "\r\n" + FRENCH + "\r\n");

    Batch batch = JsonlSource.of(file, "jsonl:crlf.jsonl", CLOCK).poll(Optional.empty(), 10);

    assertThat(batch.posts()).containsExactly(russianPost(), frenchPost());
  }

  @Test
  void aFileThatGrowsBetweenPollsIsReadOnwardAndAHalfWrittenLineWaitsForItsNewline()
      throws IOException {
    Path file = write("growing.jsonl", ARABIC + "\n");
    JsonlSource source = JsonlSource.of(file, "jsonl:growing.jsonl", CLOCK);
    Batch first = source.poll(Optional.empty(), 10);
    int cut = PERSIAN.length() / 2;

    append(file, PERSIAN.substring(0, cut));
    Batch whileHalfWritten = source.poll(Optional.of(first.checkpoint()), 10);
    append(file, PERSIAN.substring(cut) + "\n" + RUSSIAN + "\n");
    Batch afterGrowth = source.poll(Optional.of(whileHalfWritten.checkpoint()), 10);
    Batch nothingNew = source.poll(Optional.of(afterGrowth.checkpoint()), 10);

    assertThat(first.posts()).containsExactly(arabicPost());
    assertThat(first.exhausted()).isTrue();
    assertThat(whileHalfWritten)
        .isEqualTo(new Batch(List.of(), List.of(), first.checkpoint(), true));
    assertThat(afterGrowth)
        .isEqualTo(
            new Batch(
                List.of(persianPost(), russianPost()),
                List.of(),
                "byte=" + Files.size(file) + ",line=4",
                true));
    assertThat(nothingNew)
        .isEqualTo(new Batch(List.of(), List.of(), afterGrowth.checkpoint(), true));
  }

  @Test
  void aWholeLastLineWithoutNewlineIsRead() throws IOException {
    Path file = write("no-newline.jsonl", FRENCH + "\n" + RUSSIAN);

    Batch batch = JsonlSource.of(file, "jsonl:no-newline.jsonl", CLOCK).poll(Optional.empty(), 10);

    assertThat(batch)
        .isEqualTo(
            new Batch(
                List.of(frenchPost(), russianPost()),
                List.of(),
                "byte=" + Files.size(file) + ",line=3",
                true));
  }

  @Test
  void aFileShorterThanItsCheckpointIsRefused() throws IOException {
    Path file = write("replaced.jsonl", FRENCH + "\n");
    JsonlSource source = JsonlSource.of(file, "jsonl:replaced.jsonl", CLOCK);

    assertThatThrownBy(() -> source.poll(Optional.of("byte=99999,line=40"), 10))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "JSONL file "
                + file
                + " has "
                + Files.size(file)
                + " bytes, fewer than its checkpoint 'byte=99999,line=40': was it replaced or"
                + " truncated?");
  }

  @Test
  void aCheckpointFromAnotherKindOfSourceIsRefused() throws IOException {
    JsonlSource source = JsonlSource.of(write("x.jsonl", ""), "jsonl:x.jsonl", CLOCK);

    assertThatThrownBy(() -> source.poll(Optional.of("message-id=77"), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "JSONL checkpoint 'message-id=77' is not of the form 'byte=<offset>,line=<number>'");
  }

  @Test
  void aMissingFileIsAnIoErrorSoTheRunnerRetries() {
    JsonlSource source = JsonlSource.of(dir.resolve("not-yet.jsonl"), "jsonl:not-yet.jsonl", CLOCK);

    assertThatThrownBy(() -> source.poll(Optional.empty(), 10))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void anEmptyFileIsExhaustedAtTheStart() throws IOException {
    JsonlSource source = JsonlSource.of(write("empty.jsonl", ""), "jsonl:empty.jsonl", CLOCK);

    assertThat(source.poll(Optional.empty(), 10))
        .isEqualTo(new Batch(List.of(), List.of(), "byte=0,line=1", true));
  }

  private Post arabicPost() {
    return new Post(
        0,
        null,
        "telegram",
        "safar_europa",
        "4711",
        Optional.of("https://t.me/safar_europa/4711"),
        Optional.of("Abu Omar"),
        "رحلة بحرية من زوارة إلى لامبيدوزا 🚤 السعر 3000$",
        Optional.of("ar"),
        Optional.of(Instant.parse("2026-11-01T08:00:00Z")),
        NOW,
        List.of("https://wa.me/218912345678"),
        Optional.empty(),
        sha256(ARABIC));
  }

  private Post persianPost() {
    return new Post(
        0,
        null,
        "telegram",
        "rah_e_orupa",
        "88",
        Optional.empty(),
        Optional.empty(),
        "انتقال از ترکیه به یونان با قایق، تضمینی، پرداخت بعد از رسیدن",
        Optional.empty(),
        Optional.empty(),
        NOW,
        List.of(),
        Optional.of("mosafer_channel"),
        sha256(PERSIAN));
  }

  private Post frenchPost() {
    return new Post(
        0,
        null,
        "facebook",
        "passage-calais",
        "p-3",
        Optional.empty(),
        Optional.empty(),
        "Passage garanti vers l'Angleterre en camion, prix à discuter",
        Optional.empty(),
        Optional.empty(),
        Instant.parse("2026-10-30T21:15:00Z"),
        List.of(),
        Optional.empty(),
        sha256(FRENCH));
  }

  private Post russianPost() {
    return new Post(
        0,
        null,
        "vk",
        "evropa_bez_viz",
        "1001",
        Optional.empty(),
        Optional.of("Иван"),
        "Документы для въезда в Европу, паспорт за 5 дней",
        Optional.empty(),
        Optional.empty(),
        NOW,
        List.of(),
        Optional.empty(),
        sha256(RUSSIAN));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, UTF_8);
  }

  private static void append(Path file, String content) throws IOException {
    Files.writeString(file, content, UTF_8, StandardOpenOption.APPEND);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  static String sha256(String line) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(line.getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
