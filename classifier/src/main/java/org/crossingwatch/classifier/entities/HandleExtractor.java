package org.crossingwatch.classifier.entities;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crossingwatch.classifier.normalize.NormalizedText;

/**
 * Finds messenger handles and links: Telegram ({@code @name}, {@code t.me/name}, invite links),
 * WhatsApp ({@code wa.me/NUMBER}, group links, or the word WhatsApp in any script followed by a
 * phone number), Signal ({@code signal.me/#p/…}, groups), Viber ({@code viber://…?number=…},
 * invites), Instagram and TikTok {@code @name} when the text names the app, and any other http(s)
 * or {@code www.} link as a plain LINK. Thread-safe.
 */
final class HandleExtractor {
  private static final String BEFORE = "(?<![\\p{L}\\p{N}_.@/])";

  private static final Pattern TELEGRAM_LINK =
      Pattern.compile(
          "(?i)"
              + BEFORE
              + "(?:https?://)?(?:www\\.)?(?:t\\.me|telegram\\.me|telegram\\.dog)/"
              + "(?:(?:joinchat/|\\+)(?<invite>[A-Za-z0-9_-]{10,})"
              + "|(?:s/)?(?<name>[A-Za-z][A-Za-z0-9_]{3,31})(?:/\\d+)?)(?![A-Za-z0-9_])");
  private static final Pattern WHATSAPP_LINK =
      Pattern.compile(
          "(?i)"
              + BEFORE
              + "(?:https?://)?(?:(?:wa\\.me/|api\\.whatsapp\\.com/send/?\\?phone=)\\+?(?<number>\\d{7,15})"
              + "|chat\\.whatsapp\\.com/(?:invite/)?(?<group>[A-Za-z0-9]{16,24}))(?![A-Za-z0-9])");
  private static final Pattern SIGNAL_LINK =
      Pattern.compile(
          "(?i)"
              + BEFORE
              + "(?:https?://)?(?:signal\\.me/#p/\\+?(?<number>\\d{7,15})"
              + "|signal\\.me/#eu/(?<username>[A-Za-z0-9_.-]{6,})"
              + "|signal\\.group/#(?<group>[A-Za-z0-9_-]{10,}))");
  private static final Pattern VIBER_LINK =
      Pattern.compile(
          "(?i)"
              + BEFORE
              + "(?:viber://(?:chat|add|contact)\\?number=(?:%2B|\\+)?(?<number>\\d{7,15})"
              + "|(?:https?://)?invite\\.viber\\.com/\\?g2?=(?<group>[A-Za-z0-9_-]{6,}))");
  private static final Pattern MENTION =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_.@])@(?<name>[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)");
  private static final Pattern TELEGRAM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{4,31}");
  private static final Pattern URL =
      Pattern.compile("(?i)(?<![\\p{L}\\p{N}_.@/])(?:https?://|www\\.)[^\\s<>\"«»]+");
  private static final Pattern APP_WORD =
      Pattern.compile(
          "(?iu)(?<whatsapp>whats\\s?app|whatsap|watsapp?|wtsp|واتس\\s?[اآ]ب|واتساب|وتساب|واتساپ|واتس"
              + "|ватс[аа]п|вотсап|вацап)"
              + "|(?<viber>viber|فايبر|فایبر|وایبر|вайбер)"
              + "|(?<signal>signal|سيجنال|سیگنال|сигнал)"
              + "|(?<telegram>telegram|تلغرام|تيليجرام|تليجرام|تلگرام|телеграм)");
  private static final Pattern BRIDGE =
      Pattern.compile(
          "(?iu)[\\s:：=>→➡()\\[\\]/|.,\\-–—]*(?:(?:on|at|no|nr|number|num|رقم|على|شماره|номер)"
              + "[\\s:：=>→➡()\\[\\]/|.,\\-–—]*)?");
  private static final Pattern INSTAGRAM_CONTEXT =
      Pattern.compile("(?iu)insta(?:gram)?|\\big\\b|انستا|إنستا|اینستا|инстаграм|инста");
  private static final Pattern TIKTOK_CONTEXT =
      Pattern.compile("(?iu)tik\\s?tok|تيك\\s?توك|تیک\\s?تاک|тикток");

  /**
   * Finds handles and links in {@code text}.
   *
   * @param phones PHONE entities already found, for "WhatsApp: 0912…" style handles
   * @return HANDLE and LINK entities in order of discovery; empty if none
   */
  List<Entity> extract(NormalizedText text, List<Entity> phones) {
    String s = text.text();
    List<Entity> found = new ArrayList<>();
    // Each pattern below needs something that most posts lack (every app link has a '/', a
    // mention an '@', an app word a phone after it, a link "://" or "www."), so a text without it
    // skips the pattern.
    if (s.indexOf('/') >= 0) {
      appLinks(text, phones, found);
    }
    if (s.indexOf('@') >= 0) {
      mentions(text, found);
    }
    if (!phones.isEmpty()) {
      appWordsBeforePhones(text, phones, found);
    }
    if (s.contains("://") || s.toLowerCase(Locale.ROOT).contains("www.")) {
      links(text, found);
    }
    return found;
  }

  /** Telegram, WhatsApp, Signal and Viber links, in that order. */
  private static void appLinks(NormalizedText text, List<Entity> phones, List<Entity> found) {
    String s = text.text();
    Matcher m = TELEGRAM_LINK.matcher(s);
    while (m.find()) {
      String normalized =
          m.group("invite") != null
              ? "t.me/+" + m.group("invite")
              : "@" + m.group("name").toLowerCase(Locale.ROOT);
      String kind = m.group("invite") != null ? "invite" : "account";
      found.add(handle(text, m, normalized, Map.of("app", "telegram", "kind", kind)));
    }
    m = WHATSAPP_LINK.matcher(s);
    while (m.find()) {
      found.add(numberOrGroup(text, m, "whatsapp", m.group("number"), m.group("group"), phones));
    }
    m = SIGNAL_LINK.matcher(s);
    while (m.find()) {
      if (m.group("username") != null) {
        String username = m.group("username");
        found.add(
            handle(text, m, "signal:" + username, Map.of("app", "signal", "kind", "username")));
      } else {
        found.add(numberOrGroup(text, m, "signal", m.group("number"), m.group("group"), phones));
      }
    }
    m = VIBER_LINK.matcher(s);
    while (m.find()) {
      found.add(numberOrGroup(text, m, "viber", m.group("number"), m.group("group"), phones));
    }
  }

  private static void mentions(NormalizedText text, List<Entity> found) {
    Matcher m = MENTION.matcher(text.text());
    while (m.find()) {
      String context = text.text().substring(Math.max(0, m.start() - 40), m.start());
      String app =
          TIKTOK_CONTEXT.matcher(context).find()
              ? "tiktok"
              : INSTAGRAM_CONTEXT.matcher(context).find() ? "instagram" : "telegram";
      String name = m.group("name");
      if (app.equals("telegram") && !TELEGRAM_NAME.matcher(name).matches()) {
        continue;
      }
      Entity entity =
          Spans.entity(
              text,
              Entity.Type.HANDLE,
              m.start(),
              m.end(),
              "@" + name.toLowerCase(Locale.ROOT),
              Map.of("app", app, "kind", "account"));
      if (found.stream().noneMatch(entity::overlaps)) {
        found.add(entity);
      }
    }
  }

  /** "WhatsApp: 0912 345 678", "واتساب ٠٩١٢٣٤٥٦٧٨", "Viber +90 …": the number is the account. */
  private static void appWordsBeforePhones(
      NormalizedText text, List<Entity> phones, List<Entity> found) {
    Matcher m = APP_WORD.matcher(text.text());
    while (m.find()) {
      int wordEnd = text.originalRange(m.start(), m.end())[1];
      Matcher bridge = BRIDGE.matcher(text.text()).region(m.end(), text.text().length());
      int bridgeEnd = bridge.lookingAt() ? bridge.end() : m.end();
      int phoneStart = text.originalOffset(Math.min(bridgeEnd, text.text().length()));
      for (Entity phone : phones) {
        if (phone.start() >= wordEnd && phone.start() <= phoneStart) {
          String app = app(m);
          int start = text.originalRange(m.start(), m.end())[0];
          Entity handle =
              new Entity(
                  Entity.Type.HANDLE,
                  text.original().substring(start, phone.end()),
                  app + ":" + phone.normalized(),
                  start,
                  phone.end(),
                  Map.of("app", app, "kind", "phone"));
          if (found.stream().noneMatch(handle::overlaps)) {
            found.add(handle);
          }
          break;
        }
      }
    }
  }

  private static String app(Matcher m) {
    for (String app : List.of("whatsapp", "viber", "signal", "telegram")) {
      if (m.group(app) != null) {
        return app;
      }
    }
    throw new IllegalStateException("no app group matched '" + m.group() + "'");
  }

  private static void links(NormalizedText text, List<Entity> found) {
    Matcher m = URL.matcher(text.text());
    while (m.find()) {
      String url = m.group().replaceAll("[.,;:!?)\\]}'’]+$", "");
      int end = m.start() + url.length();
      URI uri;
      try {
        uri = new URI(url.regionMatches(true, 0, "www.", 0, 4) ? "http://" + url : url);
      } catch (URISyntaxException e) {
        continue;
      }
      if (uri.getHost() == null || !uri.getHost().contains(".")) {
        continue;
      }
      String host = uri.getHost().toLowerCase(Locale.ROOT);
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      int hostAt = url.toLowerCase(Locale.ROOT).indexOf(host);
      String normalized = scheme + "://" + host + url.substring(hostAt + host.length());
      Entity link =
          Spans.entity(text, Entity.Type.LINK, m.start(), end, normalized, Map.of("host", host));
      if (found.stream().noneMatch(link::overlaps)) {
        found.add(link);
      }
    }
  }

  private static Entity numberOrGroup(
      NormalizedText text,
      Matcher m,
      String app,
      String number,
      String group,
      List<Entity> phones) {
    if (group != null) {
      return handle(text, m, app + "-group:" + group, Map.of("app", app, "kind", "group"));
    }
    int[] range = text.originalRange(m.start(), m.end());
    String e164 =
        phones.stream()
            .filter(p -> p.start() >= range[0] && p.end() <= range[1])
            .map(Entity::normalized)
            .findFirst()
            .orElse("+" + number);
    return handle(text, m, app + ":" + e164, Map.of("app", app, "kind", "phone"));
  }

  private static Entity handle(
      NormalizedText text, Matcher m, String normalized, Map<String, String> attributes) {
    return Spans.entity(text, Entity.Type.HANDLE, m.start(), m.end(), normalized, attributes);
  }
}
