package org.crossingwatch.app.collect;

import java.util.List;
import java.util.Locale;

/** Pages in the real markup of each platform, small enough to read in a test. */
final class FixturePages {
  /** One message of a Telegram channel's web preview. */
  record TelegramMessage(long id, String textHtml) {}

  /** One item of an RSS 2.0 feed. */
  record FeedItem(String guid, String title, String description) {}

  private FixturePages() {}

  /** A {@code t.me/s/<channel>} page holding {@code messages}, oldest first as Telegram does. */
  static String telegram(String channel, List<TelegramMessage> messages) {
    StringBuilder html =
        new StringBuilder(
            """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>%s – Telegram</title></head>
            <body class="widget_frame_base tgme_webpage_body"><main class="tgme_main">
            <section class="tgme_channel_history js-message_history">
            """
                .formatted(channel));
    for (TelegramMessage m : messages) {
      html.append(
          String.format(
              Locale.ROOT,
              """
              <div class="tgme_widget_message_wrap js-widget_message_wrap">
                <div class="tgme_widget_message text_not_supported_wrap js-widget_message" \
              data-post="%1$s/%2$d">
                  <div class="tgme_widget_message_bubble">
                    <div class="tgme_widget_message_author accent_color"><a \
              class="tgme_widget_message_owner_name" href="https://t.me/%1$s"><span \
              dir="auto">%1$s</span></a></div>
                    <div class="tgme_widget_message_text js-message_text" dir="auto">%3$s</div>
                    <div class="tgme_widget_message_footer compact js-message_footer">
                      <div class="tgme_widget_message_info short js-message_info">
                        <span class="tgme_widget_message_views">1.2K</span>
                        <span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" \
              href="https://t.me/%1$s/%2$d"><time datetime="2026-03-0%4$dT08:00:00+00:00" \
              class="time">08:00</time></a></span>
                      </div>
                    </div>
                  </div>
                </div>
              </div>
              """,
              channel,
              m.id(),
              m.textHtml(),
              1 + m.id() % 9));
    }
    return html.append("</section></main></body></html>\n").toString();
  }

  /** An RSS 2.0 feed of {@code items}, newest first as feeds are. */
  static String rss(String title, List<FeedItem> items) {
    StringBuilder xml =
        new StringBuilder(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>%s</title>
            <link>https://forum.example/annonces</link><description>Annonces</description>
            """
                .formatted(title));
    for (FeedItem item : items) {
      xml.append(
          """
          <item><title>%s</title><link>https://forum.example/annonces/%s</link>
          <guid isPermaLink="false">%s</guid><pubDate>Thu, 05 Mar 2026 18:00:00 GMT</pubDate>
          <description>%s</description></item>
          """
              .formatted(item.title(), item.guid(), item.guid(), item.description()));
    }
    return xml.append("</channel></rss>\n").toString();
  }
}
