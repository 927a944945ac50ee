package org.crossingwatch.bench.collectors;

import java.util.concurrent.TimeUnit;
import org.crossingwatch.collectors.telegram.TelegramPreviewPage;
import org.crossingwatch.collectors.telegram.TelegramPreviewParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pages per second of {@link TelegramPreviewParser} on a t.me/s page of {@code messages} messages
 * (20 is what Telegram serves); posts per second = pages per second times {@code messages}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TelegramPageParsingBenchmark {
  private static final String[] TEXTS = {
    "رحلة من زوارة إلى لامبيدوزا 🚤<br/>السعر 3500 يورو، الدفع عند الوصول<br/>واتساب +218 91 000 1234",
    "انتقال از ترکیه به یونان با قایق<br/>تماس: +90 555 000 0101",
    "Passage garanti vers l'Angleterre, départ Calais.<br/><br/>Contact <b>+33 6 00 00 12 34</b>",
    "ڕێگای ئەوروپا بە لۆری، پارە دوای گەیشتن<br/>پەیوەندی: +964 750 000 4321"
  };

  @Param({"20"})
  public int messages;

  private final TelegramPreviewParser parser = new TelegramPreviewParser();
  private String page;

  @Setup
  public void buildPage() {
    StringBuilder html =
        new StringBuilder(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>bench</title></head><body>"
                + "<main class=\"tgme_main\"><section class=\"tgme_channel_history js-message_history\">"
                + "<div class=\"tgme_widget_message_centered js-messages_more_wrap\"><a href=\"/s/bench?before=1000\""
                + " class=\"tme_messages_more js-messages_more\" data-before=\"1000\"></a></div>");
    for (int i = 0; i < messages; i++) {
      int id = 1000 + i;
      String media =
          i % 3 == 0
              ? "<a class=\"tgme_widget_message_photo_wrap\" href=\"https://t.me/bench/"
                  + id
                  + "\" style=\"width:800px;background-image:url('https://cdn4.telesco.pe/file/p"
                  + id
                  + ".jpg')\"><div class=\"tgme_widget_message_photo\"></div></a>"
              : "";
      String forward =
          i % 4 == 1
              ? "<div class=\"tgme_widget_message_forwarded_from accent_color\">Forwarded from <a"
                  + " class=\"tgme_widget_message_forwarded_from_name\" href=\"https://t.me/other/5\"><span"
                  + " dir=\"auto\">Other</span></a></div>"
              : "";
      html.append("<div class=\"tgme_widget_message_wrap js-widget_message_wrap\">")
          .append("<div class=\"tgme_widget_message text_not_supported_wrap js-widget_message\"")
          .append(" data-post=\"bench/")
          .append(id)
          .append("\"><div class=\"tgme_widget_message_bubble\">")
          .append(forward)
          .append("<div class=\"tgme_widget_message_author accent_color\"><a")
          .append(" class=\"tgme_widget_message_owner_name\" href=\"https://t.me/bench\"><span")
          .append(" dir=\"auto\">Bench</span></a></div>")
          .append(media)
          .append("<div class=\"tgme_widget_message_text js-message_text\" dir=\"auto\">")
          .append(TEXTS[i % TEXTS.length])
          .append(" <a href=\"https://t.me/contact_")
          .append(i)
          .append("\">@contact</a></div>")
          .append("<div class=\"tgme_widget_message_footer compact js-message_footer\">")
          .append("<div class=\"tgme_widget_message_info short js-message_info\">")
          .append("<span class=\"tgme_widget_message_views\">1.2K</span>")
          .append("<span class=\"tgme_widget_message_meta\"><a class=\"tgme_widget_message_date\"")
          .append(" href=\"https://t.me/bench/")
          .append(id)
          .append("\"><time datetime=\"2026-03-01T08:00:00+00:00\" class=\"time\">08:00</time>")
          .append("</a></span></div></div></div></div></div>");
    }
    page = html.append("</section></main></body></html>").toString();
  }

  @Benchmark
  public TelegramPreviewPage parsePage() {
    return parser.parse(page, "https://t.me/s/bench");
  }
}
