package org.crossingwatch.collectors.telegram;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crossingwatch.collectors.internal.HtmlText;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Parses the HTML of a Telegram channel's public web preview ({@code t.me/s/<channel>}) into {@link
 * TelegramMessage}s. Pure and thread-safe. Markup it does not know is ignored: a message without a
 * {@code data-post} is skipped, and so is one without its date link, which is the last part of
 * every message: truncated HTML yields only the messages it holds whole.
 */
public final class TelegramPreviewParser {
  private static final Pattern BACKGROUND_URL =
      Pattern.compile("background-image\\s*:\\s*url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");
  private static final Pattern DATA_POST = Pattern.compile("([A-Za-z0-9_]+)/(\\d{1,18})");
  private static final Pattern VIEWS = Pattern.compile("([0-9]+(?:[.,][0-9]+)?)\\s*([KkMm]?)");
  private static final Pattern TME_HANDLE =
      Pattern.compile("https?://t\\.me/(?:s/)?([A-Za-z0-9_]{3,})(?:/\\d+)?/?");

  /** Parses one page; {@code baseUri} resolves relative links. */
  public TelegramPreviewPage parse(String html, String baseUri) {
    Document doc = Jsoup.parse(html, baseUri);
    List<TelegramMessage> messages = new ArrayList<>();
    for (Element m : doc.select("div.tgme_widget_message[data-post]")) {
      message(m).ifPresent(messages::add);
    }
    return new TelegramPreviewPage(messages, before(doc), channelTitle(doc));
  }

  private static Optional<TelegramMessage> message(Element m) {
    Matcher post = DATA_POST.matcher(m.attr("data-post"));
    if (!post.matches()) {
      return Optional.empty();
    }
    String channel = post.group(1);
    long id = Long.parseLong(post.group(2));
    Element date = m.selectFirst("a.tgme_widget_message_date");
    if (date == null) {
      // The date sits in the footer, after the text and media: a message without it was cut off
      // (truncated HTML) and would be published incomplete.
      return Optional.empty();
    }
    String url =
        date.attr("abs:href").isEmpty()
            ? "https://t.me/" + channel + "/" + id
            : date.attr("abs:href");
    Element textElement = messageText(m);
    String text = textElement == null ? "" : HtmlText.of(textElement);
    Set<String> links = new LinkedHashSet<>();
    if (textElement != null) {
      for (Element a : textElement.select("a[href]")) {
        String href = a.attr("abs:href");
        if (!href.isEmpty() && !href.startsWith("javascript:")) {
          links.add(href);
        }
      }
    }
    return Optional.of(
        new TelegramMessage(
            channel,
            id,
            url,
            author(m),
            text,
            publishedAt(m),
            views(m),
            forwardedFrom(m),
            List.copyOf(links),
            linkPreview(m),
            media(m, url)));
  }

  private static Element messageText(Element m) {
    for (Element e : m.select(".tgme_widget_message_text")) {
      if (e.closest(".tgme_widget_message_reply") == null
          && e.closest(".tgme_widget_message_link_preview") == null) {
        return e;
      }
    }
    return null;
  }

  private static Optional<String> author(Element m) {
    Element signed = m.selectFirst(".tgme_widget_message_from_author");
    if (signed != null && !signed.text().isBlank()) {
      return Optional.of(signed.text().strip());
    }
    Element owner = m.selectFirst(".tgme_widget_message_owner_name");
    return owner == null || owner.text().isBlank()
        ? Optional.empty()
        : Optional.of(owner.text().strip());
  }

  private static Optional<Instant> publishedAt(Element m) {
    Element time = m.selectFirst("a.tgme_widget_message_date time[datetime]");
    if (time == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(time.attr("datetime")).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static Optional<Long> views(Element m) {
    Element views = m.selectFirst(".tgme_widget_message_views");
    if (views == null) {
      return Optional.empty();
    }
    Matcher v = VIEWS.matcher(views.text().strip());
    if (!v.lookingAt()) {
      return Optional.empty();
    }
    double number = Double.parseDouble(v.group(1).replace(',', '.'));
    double factor =
        switch (v.group(2).toUpperCase(Locale.ROOT)) {
          case "K" -> 1_000;
          case "M" -> 1_000_000;
          default -> 1;
        };
    return Optional.of(Math.round(number * factor));
  }

  private static Optional<String> forwardedFrom(Element m) {
    Element from = m.selectFirst(".tgme_widget_message_forwarded_from_name");
    if (from == null) {
      return Optional.empty();
    }
    Matcher handle = TME_HANDLE.matcher(from.attr("abs:href"));
    if (handle.matches()) {
      return Optional.of(handle.group(1));
    }
    String name = from.text().strip();
    return name.isEmpty() ? Optional.empty() : Optional.of(name);
  }

  private static Optional<TelegramMessage.LinkPreview> linkPreview(Element m) {
    Element p = m.selectFirst("a.tgme_widget_message_link_preview");
    if (p == null) {
      return Optional.empty();
    }
    return Optional.of(
        new TelegramMessage.LinkPreview(
            p.attr("abs:href"),
            textOf(p, ".link_preview_site_name"),
            textOf(p, ".link_preview_title"),
            textOf(p, ".link_preview_description")));
  }

  private static String textOf(Element parent, String selector) {
    Element e = parent.selectFirst(selector);
    return e == null ? "" : HtmlText.of(e);
  }

  private static List<TelegramMessage.Media> media(Element m, String messageUrl) {
    List<TelegramMessage.Media> media = new ArrayList<>();
    for (Element e :
        m.select(
            ".tgme_widget_message_photo_wrap, .tgme_widget_message_video_player,"
                + " .tgme_widget_message_roundvideo_player, .tgme_widget_message_voice_player,"
                + " .tgme_widget_message_audio_player, .tgme_widget_message_document,"
                + " .tgme_widget_message_sticker_wrap, .tgme_widget_message_poll")) {
      if (e.closest(".tgme_widget_message_link_preview") != null) {
        continue;
      }
      String kind = kindOf(e);
      media.add(new TelegramMessage.Media(kind, mediaUrl(e, kind, messageUrl)));
    }
    return media;
  }

  private static String kindOf(Element e) {
    if (e.hasClass("tgme_widget_message_photo_wrap")) {
      return "photo";
    }
    if (e.hasClass("tgme_widget_message_video_player")) {
      return "video";
    }
    if (e.hasClass("tgme_widget_message_roundvideo_player")) {
      return "round-video";
    }
    if (e.hasClass("tgme_widget_message_voice_player")) {
      return "voice";
    }
    if (e.hasClass("tgme_widget_message_audio_player")) {
      return "audio";
    }
    if (e.hasClass("tgme_widget_message_sticker_wrap")) {
      return "sticker";
    }
    if (e.hasClass("tgme_widget_message_poll")) {
      return "poll";
    }
    return "document";
  }

  private static String mediaUrl(Element e, String kind, String messageUrl) {
    Elements sources = e.select("video[src], audio[src], img[src]");
    if (!sources.isEmpty()) {
      return sources.first().attr("abs:src");
    }
    for (Element styled : e.select("[style]")) {
      Matcher bg = BACKGROUND_URL.matcher(styled.attr("style"));
      if (bg.find()) {
        return absolute(e, bg.group(1));
      }
    }
    if (kind.equals("document")) {
      Element wrap = e.closest("a.tgme_widget_message_document_wrap");
      if (wrap != null && !wrap.attr("abs:href").isEmpty()) {
        return wrap.attr("abs:href");
      }
    }
    if (e.hasAttr("href")) {
      return e.attr("abs:href");
    }
    return messageUrl;
  }

  private static String absolute(Element context, String url) {
    if (url.startsWith("//")) {
      return "https:" + url;
    }
    if (url.startsWith("http://") || url.startsWith("https://")) {
      return url;
    }
    return org.jsoup.internal.StringUtil.resolve(context.baseUri(), url);
  }

  private static OptionalLong before(Document doc) {
    for (Element more : doc.select("a.tme_messages_more[data-before], a.tg_more[data-before]")) {
      String value = more.attr("data-before");
      if (value.matches("\\d{1,18}")) {
        return OptionalLong.of(Long.parseLong(value));
      }
    }
    return OptionalLong.empty();
  }

  private static Optional<String> channelTitle(Document doc) {
    Element title = doc.selectFirst(".tgme_channel_info_header_title");
    return title == null || title.text().isBlank()
        ? Optional.empty()
        : Optional.of(title.text().strip());
  }
}
