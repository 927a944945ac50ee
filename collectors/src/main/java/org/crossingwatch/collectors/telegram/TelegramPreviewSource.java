package org.crossingwatch.collectors.telegram;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.crossingwatch.collectors.Batch;
import org.crossingwatch.collectors.Source;
import org.crossingwatch.collectors.http.FetchedPage;
import org.crossingwatch.collectors.http.HttpFetcher;
import org.crossingwatch.collectors.http.SourceUnavailableException;
import org.crossingwatch.model.Post;

/**
 * A Telegram public channel read through its web preview, {@code <baseUrl>/s/<channel>}.
 *
 * <p>Each poll fetches the newest page and walks to older pages with {@code ?before=<id>} until it
 * reaches the last message already published (at most {@code maxPagesPerPoll} pages), or, on the
 * very first poll, until {@code backfillPages} pages were read. The new messages come out oldest
 * first. Checkpoints are {@code after=<last published message id>}, or {@code start} before any.
 *
 * <p>Posts: platform {@code telegram}, channel and id from {@code data-post}, url the message link,
 * author the signature or channel name, text with its line breaks, publishedAt from the date's
 * {@code datetime}, forwardedFrom the source channel's handle (or name), links = the text's links,
 * then the link preview's, then the media URLs. {@code collectedAt} is the page's fetch time and
 * {@code captureSha256} the SHA-256 of the page's bytes, kept as a WARC response record (see {@link
 * org.crossingwatch.collectors.evidence.WarcEvidenceStore}).
 *
 * <p>A channel without a public preview (t.me redirects {@code /s/<channel>} to {@code /<channel>})
 * stops the source with a {@link SourceUnavailableException}; it is not retried.
 */
public final class TelegramPreviewSource implements Source {
  private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9_]{3,64}");
  private static final Pattern AFTER = Pattern.compile("after=(\\d{1,18})");
  private static final String START = "start";
  private static final String ACCEPT = "text/html,application/xhtml+xml";

  private final String id;
  private final String channel;
  private final URI channelUri;
  private final int backfillPages;
  private final int maxPagesPerPoll;
  private final HttpFetcher fetcher;
  private final TelegramPreviewParser parser = new TelegramPreviewParser();

  /**
   * @param id the source id
   * @param baseUrl {@code https://t.me} in production, a local server in tests
   * @param channel the channel handle, without {@code @}
   * @param backfillPages pages read on the very first poll (1 = only the newest page)
   * @param maxPagesPerPoll pages a later poll may walk back to find where it left off
   */
  public TelegramPreviewSource(
      String id,
      URI baseUrl,
      String channel,
      int backfillPages,
      int maxPagesPerPoll,
      HttpFetcher fetcher) {
    this.id = Objects.requireNonNull(id, "id");
    this.channel = Objects.requireNonNull(channel, "channel");
    if (!CHANNEL.matcher(channel).matches()) {
      throw new IllegalArgumentException(
          "Telegram channel must be a handle of letters, digits and _, got '" + channel + "'");
    }
    if (backfillPages < 1 || maxPagesPerPoll < 1) {
      throw new IllegalArgumentException(
          "backfillPages and maxPagesPerPoll must be at least 1, got "
              + backfillPages
              + " and "
              + maxPagesPerPoll);
    }
    String base = Objects.requireNonNull(baseUrl, "baseUrl").toString().replaceAll("/+$", "");
    this.channelUri = URI.create(base + "/s/" + channel);
    this.backfillPages = backfillPages;
    this.maxPagesPerPoll = maxPagesPerPoll;
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Batch poll(Optional<String> checkpoint, int maxPosts) throws IOException {
    OptionalLong lastSeen = lastSeen(checkpoint);
    TreeMap<Long, Post> fresh = new TreeMap<>();
    URI next = channelUri;
    int pageLimit = lastSeen.isPresent() ? maxPagesPerPoll : backfillPages;
    for (int pages = 1; ; pages++) {
      FetchedPage page = fetchPreview(next);
      TelegramPreviewPage parsed = parser.parse(page.text(), page.uri().toString());
      for (TelegramMessage m : parsed.messages()) {
        if (lastSeen.isEmpty() || m.id() > lastSeen.getAsLong()) {
          fresh.put(m.id(), toPost(m, page));
        }
      }
      OptionalLong oldest = parsed.oldestId();
      boolean reachedKnown =
          lastSeen.isPresent() && oldest.isPresent() && oldest.getAsLong() <= lastSeen.getAsLong();
      if (reachedKnown
          || parsed.messages().isEmpty()
          || parsed.before().isEmpty()
          || pages >= pageLimit) {
        break;
      }
      next = URI.create(channelUri + "?before=" + parsed.before().getAsLong());
    }
    List<Post> posts = new ArrayList<>();
    for (Map.Entry<Long, Post> e : fresh.entrySet()) {
      if (posts.size() == maxPosts) {
        break;
      }
      posts.add(e.getValue());
    }
    String position =
        posts.isEmpty()
            ? checkpoint.orElse(START)
            : "after=" + posts.get(posts.size() - 1).externalId();
    return new Batch(posts, List.of(), position, posts.size() == fresh.size());
  }

  private FetchedPage fetchPreview(URI uri) throws IOException {
    FetchedPage page = fetcher.fetch(id, uri, ACCEPT);
    if (page.status() >= 300) {
      String location = page.header("location").orElse("(no Location)");
      throw new SourceUnavailableException(
          "Telegram channel '"
              + channel
              + "' has no public web preview: "
              + uri
              + " redirects to "
              + location);
    }
    return page;
  }

  private static OptionalLong lastSeen(Optional<String> checkpoint) {
    if (checkpoint.isEmpty() || checkpoint.get().equals(START)) {
      return OptionalLong.empty();
    }
    java.util.regex.Matcher m = AFTER.matcher(checkpoint.get());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Telegram preview checkpoint '"
              + checkpoint.get()
              + "' is not of the form 'after=<message id>' or 'start'");
    }
    return OptionalLong.of(Long.parseLong(m.group(1)));
  }

  static Post toPost(TelegramMessage m, FetchedPage page) {
    LinkedHashSet<String> links = new LinkedHashSet<>(m.links());
    m.linkPreview().ifPresent(p -> links.add(p.url()));
    m.media().forEach(media -> links.add(media.url()));
    return new Post(
        0,
        null,
        "telegram",
        m.channel(),
        Long.toString(m.id()),
        Optional.of(m.url()),
        m.author(),
        m.text(),
        Optional.empty(),
        m.publishedAt(),
        page.fetchedAt(),
        List.copyOf(links),
        m.forwardedFrom(),
        page.sha256());
  }

  @Override
  public String toString() {
    return "TelegramPreviewSource[" + id + " <- " + channelUri + "]";
  }
}
