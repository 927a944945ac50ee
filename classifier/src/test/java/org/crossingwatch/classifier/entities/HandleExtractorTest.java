package org.crossingwatch.classifier.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossingwatch.classifier.entities.Entities.expected;
import static org.crossingwatch.classifier.entities.Entity.Type.HANDLE;
import static org.crossingwatch.classifier.entities.Entity.Type.LINK;

import java.util.List;
import java.util.Map;
import org.crossingwatch.classifier.normalize.NormalizedText;
import org.crossingwatch.classifier.normalize.Normalizer;
import org.junit.jupiter.api.Test;

class HandleExtractorTest {
  private final HandleExtractor extractor = new HandleExtractor();
  private final PhoneNumberExtractor phones = new PhoneNumberExtractor();

  private List<Entity> handles(String text, String... regions) {
    NormalizedText normalized = Normalizer.normalize(text);
    return extractor.extract(normalized, phones.extract(normalized, List.of(regions)));
  }

  @Test
  void findsTelegramMentionsAccountLinksAndInviteLinks() {
    String text =
        "كلمنا @Harga_Boss او t.me/harga_oran او https://t.me/+AbCdEfGh12345 او telegram.me/s/zuwara_trips/15";

    assertThat(handles(text))
        .containsExactly(
            expected(HANDLE, text, "t.me/harga_oran", "@harga_oran", telegram("account")),
            expected(
                HANDLE,
                text,
                "https://t.me/+AbCdEfGh12345",
                "t.me/+AbCdEfGh12345",
                telegram("invite")),
            expected(
                HANDLE,
                text,
                "telegram.me/s/zuwara_trips/15",
                "@zuwara_trips",
                telegram("account")),
            expected(HANDLE, text, "@Harga_Boss", "@harga_boss", telegram("account")));
  }

  @Test
  void findsWhatsAppLinksAndGroups() {
    String text = "wa.me/218912345678 | https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQr12";

    assertThat(handles(text))
        .containsExactly(
            expected(
                HANDLE,
                text,
                "wa.me/218912345678",
                "whatsapp:+218912345678",
                Map.of("app", "whatsapp", "kind", "phone")),
            expected(
                HANDLE,
                text,
                "https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQr12",
                "whatsapp-group:AbCdEfGhIjKlMnOpQr12",
                Map.of("app", "whatsapp", "kind", "group")));
  }

  @Test
  void turnsTheWordWhatsAppInAnyScriptFollowedByAPhoneIntoAHandle() {
    String text = "واتساب: ٠٩١٢٣٤٥٦٧٨ / WhatsApp on 0912 345 678 / ватсап +375 29 491-19-11";

    assertThat(handles(text, "LY"))
        .containsExactly(
            expected(
                HANDLE,
                text,
                "واتساب: ٠٩١٢٣٤٥٦٧٨",
                "whatsapp:+218912345678",
                Map.of("app", "whatsapp", "kind", "phone")),
            expected(
                HANDLE,
                text,
                "WhatsApp on 0912 345 678",
                "whatsapp:+218912345678",
                Map.of("app", "whatsapp", "kind", "phone")),
            expected(
                HANDLE,
                text,
                "ватсап +375 29 491-19-11",
                "whatsapp:+375294911911",
                Map.of("app", "whatsapp", "kind", "phone")));
  }

  @Test
  void findsSignalAndViberLinks() {
    String text =
        "signal.me/#p/+905012345678 viber://chat?number=%2B905012345678 invite.viber.com/?g2=AQBxyz123";

    assertThat(handles(text))
        .containsExactly(
            expected(
                HANDLE,
                text,
                "signal.me/#p/+905012345678",
                "signal:+905012345678",
                Map.of("app", "signal", "kind", "phone")),
            expected(
                HANDLE,
                text,
                "viber://chat?number=%2B905012345678",
                "viber:+905012345678",
                Map.of("app", "viber", "kind", "phone")),
            expected(
                HANDLE,
                text,
                "invite.viber.com/?g2=AQBxyz123",
                "viber-group:AQBxyz123",
                Map.of("app", "viber", "kind", "group")));
  }

  @Test
  void readsMentionsAsInstagramOrTikTokWhenTheTextSaysSo() {
    String text = "insta: @the.boat.man tiktok @gamebihac";

    assertThat(handles(text))
        .containsExactly(
            expected(
                HANDLE,
                text,
                "@the.boat.man",
                "@the.boat.man",
                Map.of("app", "instagram", "kind", "account")),
            expected(
                HANDLE,
                text,
                "@gamebihac",
                "@gamebihac",
                Map.of("app", "tiktok", "kind", "account")));
  }

  @Test
  void reportsOtherUrlsAsLinksWithoutTrailingPunctuation() {
    String text = "details: HTTPS://Example.COM/path?x=1. or www.crossing-info.net/offer)";

    assertThat(handles(text))
        .containsExactly(
            expected(
                LINK,
                text,
                "HTTPS://Example.COM/path?x=1",
                "https://example.com/path?x=1",
                Map.of("host", "example.com")),
            expected(
                LINK,
                text,
                "www.crossing-info.net/offer",
                "http://www.crossing-info.net/offer",
                Map.of("host", "www.crossing-info.net")));
  }

  @Test
  void emailAddressesAndShortMentionsAreNotTelegramHandles() {
    assertThat(handles("mail me at smuggler@example.org or @abc")).isEmpty();
  }

  private static Map<String, String> telegram(String kind) {
    return Map.of("app", "telegram", "kind", kind);
  }
}
