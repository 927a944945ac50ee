package org.crossingwatch.collectors.feed;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crossingwatch.collectors.Batch;
import org.crossingwatch.collectors.Source;
import org.crossingwatch.collectors.evidence.WarcEvidenceStore;
import org.crossingwatch.collectors.http.FetchedPage;
import org.crossingwatch.collectors.http.HttpFetcher;
import org.crossingwatch.collectors.internal.HtmlText;
import org.crossingwatch.collectors.internal.SeenIds;
import org.crossingwatch.model.Post;
import org.jsoup.Jsoup;

/**
 * An RSS (0.9x, 1.0, 2.0) or Atom feed, parsed with ROME.
 *
 * <p>Each poll fetches the feed and returns the entries not published before, oldest first (feeds
 * list newest first, so in reverse feed order). Checkpoints are {@link SeenIds}.
 *
 * <p>Posts: platform {@code feed}, channel the source name, externalId the entry's guid or Atom id
 * (else its link, else a hash of title and text), url the entry link, author, text = title, an
 * empty line, then the description or content as text, languageHint the feed's language,
 * publishedAt the published (else updated) date, links = the entry link, the text's links, the
 * enclosures. captureSha256 is the SHA-256 of the feed document.
 */
public final class FeedSource implements Source {
  private final String id;
  private final String name;
  private final URI url;
  private final HttpFetcher fetcher;

  public FeedSource(String id, String name, URI url, HttpFetcher fetcher) {
    this.id = Objects.requireNonNull(id, "id");
    this.name = Objects.requireNonNull(name, "name");
    this.url = Objects.requireNonNull(url, "url");
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Batch poll(Optional<String> checkpoint, int maxPosts) throws IOException {
    SeenIds seen = SeenIds.parse(checkpoint, "Feed");
    FetchedPage page =
        fetcher.fetch(
            id, url, "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8");
    SyndFeed feed;
    try {
      feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(page.body())));
    } catch (FeedException | IllegalArgumentException e) {
      // A half-served or garbled feed: worth another try later, never worth guessing from.
      throw new IOException("Feed " + url + " could not be parsed: " + e.getMessage(), e);
    }
    List<SyndEntry> entries = new ArrayList<>(feed.getEntries());
    Collections.reverse(entries);
    List<Post> fresh = new ArrayList<>();
    for (SyndEntry entry : entries) {
      Post post = toPost(entry, feed, page);
      if (!seen.contains(post.externalId())) {
        fresh.add(post);
      }
    }
    List<Post> posts = fresh.subList(0, Math.min(maxPosts, fresh.size()));
    String position = seen.plus(posts.stream().map(Post::externalId).toList()).checkpoint();
    return new Batch(posts, List.of(), position, posts.size() == fresh.size());
  }

  private Post toPost(SyndEntry entry, SyndFeed feed, FetchedPage page) {
    String body = "";
    LinkedHashSet<String> links = new LinkedHashSet<>();
    Optional<String> link = nonBlank(entry.getLink());
    link.ifPresent(links::add);
    SyndContent content =
        entry.getContents().isEmpty() ? entry.getDescription() : entry.getContents().get(0);
    if (content != null && content.getValue() != null) {
      var html = Jsoup.parseBodyFragment(content.getValue(), link.orElse(url.toString())).body();
      body = HtmlText.of(html);
      html.select("a[href]").forEach(a -> links.add(a.attr("abs:href")));
    }
    for (SyndEnclosure enclosure : entry.getEnclosures()) {
      nonBlank(enclosure.getUrl()).ifPresent(links::add);
    }
    String title = Optional.ofNullable(entry.getTitle()).orElse("").strip();
    String text = title.isEmpty() ? body : body.isEmpty() ? title : title + "\n\n" + body;
    String externalId =
        nonBlank(entry.getUri())
            .or(() -> link)
            .orElseGet(() -> WarcEvidenceStore.sha256Hex(text.getBytes(UTF_8)).substring(0, 32));
    Date date =
        entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    return new Post(
        0,
        null,
        "feed",
        name,
        externalId,
        link,
        nonBlank(entry.getAuthor()),
        text,
        nonBlank(feed.getLanguage()),
        Optional.ofNullable(date).map(Date::toInstant),
        page.fetchedAt(),
        List.copyOf(links),
        Optional.empty(),
        page.sha256());
  }

  private static Optional<String> nonBlank(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
  }

  @Override
  public String toString() {
    return "FeedSource[" + id + " <- " + url + "]";
  }
}
