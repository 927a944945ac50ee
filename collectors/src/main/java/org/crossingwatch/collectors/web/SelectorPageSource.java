package org.crossingwatch.collectors.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crossingwatch.collectors.Batch;
import org.crossingwatch.collectors.Source;
import org.crossingwatch.collectors.evidence.WarcEvidenceStore;
import org.crossingwatch.collectors.http.FetchedPage;
import org.crossingwatch.collectors.http.HttpFetcher;
import org.crossingwatch.collectors.internal.HtmlText;
import org.crossingwatch.collectors.internal.SeenIds;
import org.crossingwatch.model.Post;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A classified-ad site or forum without a feed, read from a listing page with {@link Selectors}.
 *
 * <p>Each poll reads the listing from its first page, following {@code next} links up to {@code
 * maxPages} pages, and stops early at a page whose items were all published before. New items come
 * out oldest first (listings show newest first, so in reverse listing order). Checkpoints are
 * {@link SeenIds}.
 *
 * <p>Posts: platform {@code web}, channel the source name, externalId the item link (else a hash of
 * its text), url the link, author, text, publishedAt, links = the link then the text's links,
 * collectedAt and captureSha256 those of the listing page the item was on.
 */
public final class SelectorPageSource implements Source {
  private final String id;
  private final String name;
  private final URI url;
  private final Selectors selectors;
  private final int maxPages;
  private final HttpFetcher fetcher;

  public SelectorPageSource(
      String id, String name, URI url, Selectors selectors, int maxPages, HttpFetcher fetcher) {
    this.id = Objects.requireNonNull(id, "id");
    this.name = Objects.requireNonNull(name, "name");
    this.url = Objects.requireNonNull(url, "url");
    this.selectors = Objects.requireNonNull(selectors, "selectors");
    if (maxPages < 1) {
      throw new IllegalArgumentException("maxPages must be at least 1, got " + maxPages);
    }
    this.maxPages = maxPages;
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Batch poll(Optional<String> checkpoint, int maxPosts) throws IOException {
    SeenIds seen = SeenIds.parse(checkpoint, "Web listing");
    List<Post> listed = new ArrayList<>();
    Set<String> ids = new java.util.HashSet<>();
    URI next = url;
    for (int pages = 1; ; pages++) {
      FetchedPage page = fetcher.fetch(id, next, "text/html,application/xhtml+xml");
      Document doc = Jsoup.parse(page.text(), page.uri().toString());
      boolean anyNew = false;
      for (Element item : doc.select(selectors.item())) {
        Post post = toPost(item, page);
        if (ids.add(post.externalId())) {
          listed.add(post);
          anyNew |= !seen.contains(post.externalId());
        }
      }
      Optional<String> older =
          selectors
              .next()
              .map(doc::selectFirst)
              .map(a -> a.attr("abs:href"))
              .filter(href -> !href.isBlank());
      if (!anyNew || older.isEmpty() || pages >= maxPages) {
        break;
      }
      next = URI.create(older.get());
    }
    Collections.reverse(listed);
    List<Post> fresh = listed.stream().filter(p -> !seen.contains(p.externalId())).toList();
    List<Post> posts = fresh.subList(0, Math.min(maxPosts, fresh.size()));
    String position = seen.plus(posts.stream().map(Post::externalId).toList()).checkpoint();
    return new Batch(posts, List.of(), position, posts.size() == fresh.size());
  }

  private Post toPost(Element item, FetchedPage page) {
    Element textElement = selectors.text().map(item::selectFirst).orElse(item);
    String text = textElement == null ? "" : HtmlText.of(textElement);
    Optional<String> link =
        selectors
            .link()
            .map(item::selectFirst)
            .map(a -> a.attr("abs:href"))
            .filter(href -> !href.isBlank());
    LinkedHashSet<String> links = new LinkedHashSet<>();
    link.ifPresent(links::add);
    if (textElement != null) {
      textElement.select("a[href]").forEach(a -> links.add(a.attr("abs:href")));
    }
    String externalId =
        link.orElseGet(() -> WarcEvidenceStore.sha256Hex(text.getBytes(UTF_8)).substring(0, 32));
    return new Post(
        0,
        null,
        "web",
        name,
        externalId,
        link,
        selectors
            .author()
            .map(item::selectFirst)
            .map(e -> e.text().strip())
            .filter(s -> !s.isEmpty()),
        text,
        Optional.empty(),
        selectors.time().map(item::selectFirst).flatMap(SelectorPageSource::time),
        page.fetchedAt(),
        List.copyOf(links),
        Optional.empty(),
        page.sha256());
  }

  private static Optional<Instant> time(Element e) {
    String value = e.hasAttr("datetime") ? e.attr("datetime") : e.text();
    value = value.strip();
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException notOffset) {
      try {
        return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException notLocal) {
        try {
          return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException notDate) {
          return Optional.empty();
        }
      }
    }
  }

  @Override
  public String toString() {
    return "SelectorPageSource[" + id + " <- " + url + "]";
  }
}
