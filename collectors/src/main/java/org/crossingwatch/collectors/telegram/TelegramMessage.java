package org.crossingwatch.collectors.telegram;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of a Telegram channel's public web preview.
 *
 * @param channel the channel's handle as in {@code data-post}
 * @param id the message id within the channel
 * @param url the message's own link, {@code https://t.me/<channel>/<id>}
 * @param author the signature or channel name shown, if any
 * @param text the message text with its line breaks, empty for a message with media only
 * @param publishedAt the {@code datetime} of the message date, if shown
 * @param views the view count shown, expanded ({@code 1.2K} is 1200), if shown
 * @param forwardedFrom the handle (from the link) or else the name it was forwarded from
 * @param links the links in the text, in order, without duplicates
 * @param linkPreview the link preview card, if any
 * @param media photos, videos, documents... in order
 */
public record TelegramMessage(
    String channel,
    long id,
    String url,
    Optional<String> author,
    String text,
    Optional<Instant> publishedAt,
    Optional<Long> views,
    Optional<String> forwardedFrom,
    List<String> links,
    Optional<LinkPreview> linkPreview,
    List<Media> media) {

  public TelegramMessage {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(views, "views");
    Objects.requireNonNull(forwardedFrom, "forwardedFrom");
    links = List.copyOf(links);
    Objects.requireNonNull(linkPreview, "linkPreview");
    media = List.copyOf(media);
  }

  /**
   * A link preview card.
   *
   * @param url where it links
   * @param siteName the site name shown, or empty
   * @param title the title shown, or empty
   * @param description the description shown, or empty
   */
  public record LinkPreview(String url, String siteName, String title, String description) {
    public LinkPreview {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(siteName, "siteName");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(description, "description");
    }
  }

  /**
   * One media item.
   *
   * @param kind {@code photo}, {@code video}, {@code round-video}, {@code voice}, {@code audio},
   *     {@code document}, {@code sticker} or {@code poll}
   * @param url the file or thumbnail URL shown, or the message link when none is shown
   */
  public record Media(String kind, String url) {
    public Media {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(url, "url");
    }
  }
}
