package org.crossingwatch.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crossingwatch.console.view.AlertRecord;
import org.crossingwatch.console.view.AlertStore;
import org.crossingwatch.console.view.LinkedAlert;
import org.crossingwatch.model.Decision;

/** The JSON shapes of the alert API: the feed's summary and the detail page. */
final class AlertJson {
  private static final int EXCERPT_LINES = 3;
  private static final int EXCERPT_CHARS = 280;

  /** One feature's share of the score's log-odds. */
  record Contribution(String feature, double value) {}

  private AlertJson() {}

  static Map<String, Object> summary(AlertRecord record, AlertStore store) {
    var alert = record.alert();
    var post = alert.post();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("alertId", record.id());
    json.put("status", store.status(record.id()).id());
    json.put("score", alert.verdict().score());
    json.put("languages", alert.verdict().languages());
    json.put("platform", post.platform());
    json.put("channel", post.channel());
    post.author().ifPresent(a -> json.put("author", a));
    json.put("firstSeen", alert.firstSeen());
    json.put("lastSeen", alert.lastSeen());
    post.publishedAt().ifPresent(p -> json.put("publishedAt", p));
    json.put("excerpt", excerpt(post.text()));
    json.put("categories", alert.verdict().categories());
    json.put("repostCount", alert.repostCount());
    json.put("channelCount", alert.channels().size());
    List<Decision> history = store.history(record.id());
    if (!history.isEmpty()) {
      Decision last = history.get(history.size() - 1);
      json.put("decidedBy", last.officer());
      json.put("decidedAt", last.decidedAt());
    }
    return json;
  }

  static Map<String, Object> detail(AlertRecord record, AlertStore store) {
    var alert = record.alert();
    var post = alert.post();
    Map<String, Object> json = summary(record, store);
    json.put("text", post.text());
    post.url().ifPresent(u -> json.put("url", u));
    json.put("externalId", post.externalId());
    json.put("postKey", post.key());
    json.put("collectedAt", post.collectedAt());
    json.put("captureSha256", post.captureSha256());
    post.forwardedFrom().ifPresent(f -> json.put("forwardedFrom", f));
    json.put("links", post.links());
    json.put("hits", alert.verdict().hits());
    List<Contribution> contributions = new ArrayList<>();
    alert.verdict().contributions().entrySet().stream()
        .sorted(
            Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue()))
                .thenComparing(Map.Entry::getKey))
        .forEach(e -> contributions.add(new Contribution(e.getKey(), e.getValue())));
    json.put("contributions", contributions);
    json.put("ruleSetVersion", alert.verdict().ruleSetVersion());
    json.put("flags", alert.verdict().flags());
    json.put("spans", record.spans());
    json.put("entities", record.entities());
    json.put("sightings", store.sightings(record.id()));
    List<Map<String, Object>> linked = new ArrayList<>();
    for (LinkedAlert link : store.linked(record.id())) {
      store
          .alert(link.alertId())
          .ifPresent(
              other -> {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("alertId", other.id());
                l.put("via", link.shared());
                l.put(
                    "channel",
                    other.alert().post().platform() + ":" + other.alert().post().channel());
                l.put("score", other.alert().verdict().score());
                l.put("status", store.status(other.id()).id());
                linked.add(l);
              });
    }
    json.put("linked", linked);
    json.put("entityLinks", alert.links().stream().map(EntityLinkJson::of).toList());
    json.put("history", store.history(record.id()));
    return json;
  }

  static String excerpt(String text) {
    String[] lines = text.strip().split("\\R", EXCERPT_LINES + 1);
    String head =
        String.join("\n", java.util.Arrays.copyOf(lines, Math.min(lines.length, EXCERPT_LINES)));
    boolean cut = lines.length > EXCERPT_LINES;
    if (head.length() > EXCERPT_CHARS) {
      int end = EXCERPT_CHARS;
      if (Character.isHighSurrogate(head.charAt(end - 1))) {
        end--;
      }
      head = head.substring(0, end);
      cut = true;
    }
    return cut ? head + "…" : head;
  }
}
