package org.crossingwatch.delivery.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crossingwatch.model.Alert;
import org.crossingwatch.model.ExtractedEntity;
import org.crossingwatch.model.Post;
import org.crossingwatch.model.RuleHit;
import org.crossingwatch.model.SchemaVersion;
import org.crossingwatch.model.Span;
import org.crossingwatch.model.Verdict;

/** Alerts for tests, multilingual, with hits, contributions and entities. */
public final class Alerts {
  public static final Instant SEEN = Instant.parse("2025-06-01T08:00:00Z");

  private Alerts() {}

  /** An Arabic boat-crossing ad with a Libyan phone number and a price. */
  public static Alert arabicBoat(String externalId, double score) {
    String text = "رحلة بحرية من طرابلس إلى إيطاليا، السعر 3000 يورو، واتساب +218 91 234 5678";
    return alert("telegram", "libya_trips", externalId, text, List.of("ar"), score);
  }

  /** A Kurdish (Sorani) truck-passage ad. */
  public static Alert kurdishTruck(String externalId, double score) {
    String text = "گەیاندن بە لۆری بۆ ئەڵمانیا، پارە دوای گەیشتن";
    return alert("telegram", "kurd_road", externalId, text, List.of("ckb"), score);
  }

  /** A French fake-documents ad. */
  public static Alert frenchDocuments(String externalId, double score) {
    String text = "Passeports et visas, livraison rapide, contact @docs_rapides";
    return alert("facebook", "papiers", externalId, text, List.of("fr"), score);
  }

  /** The same alert seen {@code count} times in all. */
  public static Alert reposted(Alert alert, int count) {
    return new Alert(
        alert.schemaVersion(),
        alert.alertId(),
        alert.post(),
        alert.verdict(),
        alert.firstSeen(),
        alert.lastSeen().plusSeconds(count),
        count,
        alert.channels());
  }

  private static Alert alert(
      String platform,
      String channel,
      String externalId,
      String text,
      List<String> languages,
      double score) {
    Post post =
        new Post(
            SchemaVersion.CURRENT,
            null,
            platform,
            channel,
            externalId,
            Optional.of("https://t.me/" + channel + "/" + externalId),
            Optional.empty(),
            text,
            Optional.empty(),
            Optional.of(SEEN),
            SEEN,
            List.of(),
            Optional.empty(),
            "ab".repeat(32));
    String lang = languages.get(0);
    Verdict verdict =
        new Verdict(
            SchemaVersion.CURRENT,
            post.key(),
            score,
            true,
            List.of(
                new RuleHit(lang + "-crossing-1", "crossing", lang, 2.0),
                new RuleHit(lang + "-price-1", "price", lang, 1.0)),
            Map.of("crossing", 2.1, "price", 0.75),
            languages,
            "rules-7",
            SEEN,
            List.of(),
            List.of(new Span(lang + "-crossing-1", "crossing", 0, 5)),
            List.of(
                new ExtractedEntity(
                    ExtractedEntity.Type.PHONE,
                    "+218 91 234 5678",
                    "+218912345678",
                    0,
                    1,
                    Map.of()),
                new ExtractedEntity(
                    ExtractedEntity.Type.PRICE, "3000 يورو", "3000 EUR", 0, 1, Map.of())));
    return Alert.firstSighting(post, verdict);
  }
}
