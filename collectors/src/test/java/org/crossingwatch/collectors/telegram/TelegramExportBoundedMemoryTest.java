package org.crossingwatch.collectors.telegram;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.crossingwatch.collectors.Batch;
import org.crossingwatch.model.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports a generated export of 200,000 messages (about 90 MB) in bounded memory.
 *
 * <p>Surefire runs this class alone in its own JVM with {@code -Xmx64m} (execution {@code
 * bounded-memory} in collectors/pom.xml): the file is larger than the whole heap, so the import can
 * only pass by streaming.
 */
class TelegramExportBoundedMemoryTest {
  private static final int MESSAGES = 200_000;
  private static final String[] TEXTS = {
    "رحلة بحرية من زوارة إلى لامبيدوزا، الدفع عند الوصول +218 91 000 1234. ",
    "انتقال از ترکیه به یونان با قایق، تماس +90 555 000 0101. ",
    "Passage garanti vers l'Angleterre en camion, +33 6 00 00 12 34. ",
    "ڕێگای ئەوروپا بە لۆری، پارە دوای گەیشتن +964 750 000 4321. "
  };

  @TempDir Path dir;

  @Test
  void importsTwoHundredThousandMessagesFromAFileLargerThanTheHeap() throws Exception {
    Path file = dir.resolve("result.json");
    generate(file);
    assertThat(Files.size(file)).isGreaterThan(Runtime.getRuntime().maxMemory());

    long posts = 0;
    long textChars = 0;
    String lastKey = "";
    Optional<String> checkpoint = Optional.empty();
    Clock clock = Clock.fixed(Instant.parse("2026-03-09T12:00:00Z"), ZoneOffset.UTC);
    try (TelegramExportSource source =
        new TelegramExportSource(file, "telegram-export:big", clock)) {
      Batch batch;
      do {
        batch = source.poll(checkpoint, 1000);
        posts += batch.posts().size();
        for (Post p : batch.posts()) {
          textChars += p.text().length();
          lastKey = p.key();
        }
        checkpoint = Optional.of(batch.checkpoint());
      } while (!batch.exhausted());
      assertThat(source.bytesRead()).isEqualTo(Files.size(file));
    }

    assertThat(posts).isEqualTo(MESSAGES - MESSAGES / 100);
    assertThat(lastKey).isEqualTo("telegram:1777000111:" + (MESSAGES - 1));
    assertThat(checkpoint).contains("message=" + MESSAGES);
    assertThat(textChars).isGreaterThan(20_000_000L);
  }

  /** Every 100th message (the last one too) is a service message; the texts make the file big. */
  private static void generate(Path file) throws Exception {
    try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, UTF_8), 1 << 16)) {
      out.write("{\n \"name\": \"رحلات أوروبا\",\n \"type\": \"public_channel\",\n");
      out.write(" \"id\": 1777000111,\n \"messages\": [\n");
      for (int i = 1; i <= MESSAGES; i++) {
        if (i > 1) {
          out.write(",\n");
        }
        if (i % 100 == 0) {
          out.write(
              "  {\"id\": "
                  + i
                  + ", \"type\": \"service\", \"date_unixtime\": \"1770000000\","
                  + " \"action\": \"pin_message\", \"text\": \"\"}");
          continue;
        }
        String text = TEXTS[i % TEXTS.length].repeat(2);
        out.write(
            "  {\"id\": " + i + ", \"type\": \"message\", \"date\": \"2026-02-01T10:00:00\",");
        out.write(" \"date_unixtime\": \"" + (1770000000L + i) + "\", \"from\": \"رحلات أوروبا\",");
        out.write(
            " \"text\": [\""
                + text
                + "\", {\"type\": \"phone\", \"text\": \"+218 91 000 "
                + i
                + "\"}],");
        out.write(" \"text_entities\": [{\"type\": \"plain\", \"text\": \"" + text + "\"}]}");
      }
      out.write("\n ]\n}\n");
    }
  }
}
