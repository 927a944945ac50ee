package org.crossingwatch.collectors.telegram;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.crossingwatch.collectors.Batch;
import org.crossingwatch.collectors.Problem;
import org.crossingwatch.collectors.evidence.WarcEvidenceStore;
import org.crossingwatch.model.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelegramExportSourceTest {
  private static final Instant NOW = Instant.parse("2026-03-09T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static final String ARABIC_AD =
      "{\"id\": 11, \"type\": \"message\", \"date\": \"2026-02-01T10:00:00\","
          + " \"date_unixtime\": \"1769940000\", \"from\": \"رحلات ليبيا\", \"from_id\": \"channel1500\","
          + " \"text\": \"رحلة إلى إيطاليا، الدفع عند الوصول +218 91 000 1234\","
          + " \"text_entities\": [{\"type\": \"plain\", \"text\": \"رحلة إلى إيطاليا، الدفع عند الوصول \"},"
          + " {\"type\": \"phone\", \"text\": \"+218 91 000 1234\"}]}";
  private static final String SERVICE =
      "{\"id\": 12, \"type\": \"service\", \"date\": \"2026-02-01T10:05:00\","
          + " \"date_unixtime\": \"1769940300\", \"actor\": \"رحلات ليبيا\","
          + " \"action\": \"pin_message\", \"message_id\": 11, \"text\": \"\", \"text_entities\": []}";
  private static final String PERSIAN_ARRAY =
      "{\"id\": 13, \"type\": \"message\", \"date\": \"2026-02-02T08:30:00\","
          + " \"date_unixtime\": \"1770021000\", \"from\": \"رحلات ليبيا\","
          + " \"forwarded_from\": \"Rah-e Orupa\","
          + " \"text\": [\"عبور مرز ترکیه \", {\"type\": \"link\", \"text\": \"https://t.me/rah_orupa\"},"
          + " \" و \", {\"type\": \"text_link\", \"text\": \"قیمت‌ها\", \"href\": \"https://example.org/prices\"}],"
          + " \"text_entities\": []}";
  private static final String FRENCH_NO_UNIXTIME =
      "{\"id\": 7, \"type\": \"message\", \"date\": \"2026-01-15T22:10:00\","
          + " \"from\": \"Passeur Calais\", \"text\": \"Passage camion vers Douvres\"}";

  @TempDir Path dir;

  private static String sha(String json) {
    return WarcEvidenceStore.sha256Hex(json.getBytes(UTF_8));
  }

  private static Post post(
      String channel,
      String id,
      String author,
      String text,
      String publishedAt,
      List<String> links,
      Optional<String> forwardedFrom,
      String raw) {
    return new Post(
        0,
        null,
        "telegram",
        channel,
        id,
        Optional.empty(),
        Optional.of(author),
        text,
        Optional.empty(),
        Optional.of(Instant.parse(publishedAt)),
        NOW,
        links,
        forwardedFrom,
        sha(raw));
  }

  @Test
  void aSingleChatExportGivesItsMessagesWithTextFromStringsAndEntityArraysSkippingService()
      throws Exception {
    Path file = dir.resolve("result.json");
    Files.writeString(
        file,
        "{\n \"name\": \"رحلات ليبيا\",\n \"type\": \"public_channel\",\n \"id\": 1500,\n"
            + " \"messages\": [\n  "
            + ARABIC_AD
            + ",\n  "
            + SERVICE
            + ",\n  "
            + PERSIAN_ARRAY
            + "\n ]\n}\n");

    try (TelegramExportSource source = new TelegramExportSource(file, "telegram-export:x", CLOCK)) {
      Batch batch = source.poll(Optional.empty(), 100);

      assertThat(batch.posts())
          .containsExactly(
              post(
                  "1500",
                  "11",
                  "رحلات ليبيا",
                  "رحلة إلى إيطاليا، الدفع عند الوصول +218 91 000 1234",
                  "2026-02-01T10:00:00Z",
                  List.of(),
                  Optional.empty(),
                  ARABIC_AD),
              post(
                  "1500",
                  "13",
                  "رحلات ليبيا",
                  "عبور مرز ترکیه https://t.me/rah_orupa و قیمت‌ها",
                  "2026-02-02T08:30:00Z",
                  List.of("https://t.me/rah_orupa", "https://example.org/prices"),
                  Optional.of("Rah-e Orupa"),
                  PERSIAN_ARRAY));
      assertThat(batch.checkpoint()).isEqualTo("message=3");
      assertThat(batch.exhausted()).isTrue();
      assertThat(source.bytesRead()).isEqualTo(Files.size(file));
    }
  }

  @Test
  void aFullExportGivesTheMessagesOfEveryChatInTheListAndOfLeftChats() throws Exception {
    Path file = dir.resolve("result.json");
    Files.writeString(
        file,
        "{\"about\": \"Here is the data you requested.\",\n"
            + " \"personal_information\": {\"user_id\": 42, \"first_name\": \"Analyst\"},\n"
            + " \"contacts\": {\"about\": \"x\", \"list\": [{\"first_name\": \"A\", \"phone_number\": \"+000\"}]},\n"
            + " \"chats\": {\"about\": \"chats\", \"list\": [\n"
            + "  {\"name\": \"رحلات ليبيا\", \"type\": \"public_channel\", \"id\": 1500, \"messages\": ["
            + ARABIC_AD
            + "]},\n"
            + "  {\"name\": \"Passeur Calais\", \"type\": \"public_supergroup\", \"id\": 2700, \"messages\": ["
            + FRENCH_NO_UNIXTIME
            + "]}\n"
            + " ]},\n"
            + " \"left_chats\": {\"about\": \"left\", \"list\": [\n"
            + "  {\"name\": \"Old group\", \"type\": \"private_supergroup\", \"id\": 3100, \"messages\": ["
            + SERVICE
            + "]}]}\n}");

    try (TelegramExportSource source = new TelegramExportSource(file, "telegram-export:x", CLOCK)) {
      Batch batch = source.poll(Optional.empty(), 100);

      assertThat(batch.posts())
          .extracting(Post::key, Post::publishedAt)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "telegram:1500:11", Optional.of(Instant.parse("2026-02-01T10:00:00Z"))),
              org.assertj.core.groups.Tuple.tuple(
                  "telegram:2700:7", Optional.of(Instant.parse("2026-01-15T22:10:00Z"))));
      assertThat(batch.posts().get(1).captureSha256()).isEqualTo(sha(FRENCH_NO_UNIXTIME));
      assertThat(batch.checkpoint()).isEqualTo("message=3");
    }
  }

  @Test
  void pollingInSmallBatchesAndResumingInANewSourceYieldTheSamePostsOnce() throws Exception {
    Path file = dir.resolve("result.json");
    StringBuilder json = new StringBuilder("{\"name\": \"Rotte\", \"id\": 9, \"messages\": [");
    for (int i = 1; i <= 10; i++) {
      json.append(i == 1 ? "" : ",")
          .append("{\"id\": ")
          .append(i)
          .append(
              ", \"type\": \"message\", \"date_unixtime\": \"1770000000\", \"text\": \"passaggio ")
          .append(i)
          .append("\"}");
    }
    Files.writeString(file, json.append("]}").toString());

    List<String> ids = new java.util.ArrayList<>();
    Optional<String> checkpoint = Optional.empty();
    try (TelegramExportSource first = new TelegramExportSource(file, "e", CLOCK)) {
      Batch batch = first.poll(checkpoint, 4);
      batch.posts().forEach(p -> ids.add(p.externalId()));
      checkpoint = Optional.of(batch.checkpoint());
    }
    try (TelegramExportSource restarted = new TelegramExportSource(file, "e", CLOCK)) {
      Batch batch;
      do {
        batch = restarted.poll(checkpoint, 4);
        batch.posts().forEach(p -> ids.add(p.externalId()));
        checkpoint = Optional.of(batch.checkpoint());
      } while (!batch.exhausted());
    }

    assertThat(ids).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    assertThat(checkpoint).contains("message=10");
  }

  @Test
  void aMessageWithoutAnIdIsReportedAndSkipped() throws Exception {
    Path file = dir.resolve("result.json");
    Files.writeString(
        file,
        "{\"name\": \"X\", \"id\": 5, \"messages\": [{\"type\": \"message\", \"text\": \"bez id\"}, "
            + FRENCH_NO_UNIXTIME
            + "]}");
    try (TelegramExportSource source = new TelegramExportSource(file, "e", CLOCK)) {
      Batch batch = source.poll(Optional.empty(), 100);

      assertThat(batch.problems())
          .containsExactly(
              new Problem(
                  "result.json: message 1", "invalid-message", "message object without an id"));
      assertThat(batch.posts()).extracting(Post::key).containsExactly("telegram:5:7");
    }
  }
}
