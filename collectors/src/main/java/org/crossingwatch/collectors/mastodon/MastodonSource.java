package org.crossingwatch.collectors.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crossingwatch.collectors.Batch;
import org.crossingwatch.collectors.Problem;
import org.crossingwatch.collectors.Source;
import org.crossingwatch.collectors.http.FetchedPage;
import org.crossingwatch.collectors.http.HttpFetcher;
import org.crossingwatch.collectors.internal.HtmlText;
import org.crossingwatch.model.Post;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A Mastodon timeline: {@code /api/v1/timelines/tag/<hashtag>} ({@code timeline: tag:<hashtag>}) or
 * {@code /api/v1/timelines/public} ({@code public}, or {@code local} for the instance only).
 *
 * <p>Each poll asks for statuses newer than the last published one ({@code since_id}) and follows
 * the {@code Link: <...>; rel="next"} header to older pages until it reaches that status (at most
 * {@code maxPagesPerPoll} pages; {@code backfillPages} on the first poll). New statuses come out
 * oldest first. Checkpoints are {@code since=<status id>}, or {@code start} before any.
 *
 * <p>Posts: platform {@code mastodon}, channel the instance host, externalId the status id, url the
 * status URL, author the account's {@code acct}, text the HTML content as text (the content
 * warning, if any, first), languageHint {@code language}, publishedAt {@code created_at}, links the
 * content's links (not mentions or hashtags) then media URLs. A reblog carries the reblogged
 * status's text, URL and links, with forwardedFrom its author. captureSha256 is the SHA-256 of the
 * JSON page. A status that cannot be read is a {@link Problem} {@code invalid-status}.
 */
public final class MastodonSource implements Source {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern SINCE = Pattern.compile("since=(\\d{1,30})");
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
  private static final Pattern HASHTAG = Pattern.compile("[\\p{L}\\p{N}_]{1,100}");
  private static final String START = "start";
  private static final int LIMIT = 40;

  private final String id;
  private final URI timelineUri;
  private final String host;
  private final int backfillPages;
  private final int maxPagesPerPoll;
  private final HttpFetcher fetcher;

  /**
   * @param instance the instance's base URL, {@code https://mastodon.social}
   * @param timeline {@code tag:<hashtag>}, {@code public} or {@code local}
   */
  public MastodonSource(
      String id,
      URI instance,
      String timeline,
      int backfillPages,
      int maxPagesPerPoll,
      HttpFetcher fetcher) {
    this.id = Objects.requireNonNull(id, "id");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(timeline, "timeline");
    String base = instance.toString().replaceAll("/+$", "");
    String path;
    if (timeline.equals("public")) {
      path = "/api/v1/timelines/public?limit=" + LIMIT;
    } else if (timeline.equals("local")) {
      path = "/api/v1/timelines/public?local=true&limit=" + LIMIT;
    } else if (timeline.startsWith("tag:") && HASHTAG.matcher(timeline.substring(4)).matches()) {
      path =
          "/api/v1/timelines/tag/"
              + java.net.URLEncoder.encode(
                  timeline.substring(4), java.nio.charset.StandardCharsets.UTF_8)
              + "?limit="
              + LIMIT;
    } else {
      throw new IllegalArgumentException(
          "Mastodon timeline must be 'public', 'local' or 'tag:<hashtag>', got '" + timeline + "'");
    }
    this.timelineUri = URI.create(base + path);
    this.host = instance.getHost();
    if (backfillPages < 1 || maxPagesPerPoll < 1) {
      throw new IllegalArgumentException(
          "backfillPages and maxPagesPerPoll must be at least 1, got "
              + backfillPages
              + " and "
              + maxPagesPerPoll);
    }
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
    Optional<BigInteger> since = since(checkpoint);
    TreeMap<BigInteger, Post> fresh = new TreeMap<>();
    List<Problem> problems = new ArrayList<>();
    URI next = since.map(s -> URI.create(timelineUri + "&since_id=" + s)).orElse(timelineUri);
    int pageLimit = since.isPresent() ? maxPagesPerPoll : backfillPages;
    for (int pages = 1; ; pages++) {
      FetchedPage page = fetcher.fetch(id, next, "application/json");
      JsonNode statuses;
      try {
        statuses = MAPPER.readTree(page.body());
      } catch (IOException e) {
        throw new IOException(
            "Mastodon answered " + next + " with invalid JSON: " + e.getMessage(), e);
      }
      if (statuses == null || !statuses.isArray()) {
        throw new IOException("Mastodon answered " + next + " with JSON that is not an array");
      }
      boolean reachedKnown = false;
      for (JsonNode status : statuses) {
        String statusId = status.path("id").asText("");
        if (!statusId.matches("\\d{1,30}")) {
          problems.add(
              new Problem(next.toString(), "invalid-status", "status without a numeric id"));
          continue;
        }
        BigInteger n = new BigInteger(statusId);
        if (since.isPresent() && n.compareTo(since.get()) <= 0) {
          reachedKnown = true;
          continue;
        }
        try {
          fresh.put(n, toPost(status, page));
        } catch (RuntimeException e) {
          problems.add(new Problem(next + " status " + statusId, "invalid-status", e.getMessage()));
        }
      }
      Optional<URI> older = page.header("link").flatMap(MastodonSource::nextLink);
      if (reachedKnown || statuses.isEmpty() || older.isEmpty() || pages >= pageLimit) {
        break;
      }
      next = older.get();
    }
    List<Post> posts = new ArrayList<>();
    for (Map.Entry<BigInteger, Post> e : fresh.entrySet()) {
      if (posts.size() == maxPosts) {
        break;
      }
      posts.add(e.getValue());
    }
    String position =
        posts.isEmpty()
            ? checkpoint.orElse(START)
            : "since=" + posts.get(posts.size() - 1).externalId();
    return new Batch(posts, problems, position, posts.size() == fresh.size());
  }

  static Optional<URI> nextLink(String linkHeader) {
    Matcher m = NEXT.matcher(linkHeader);
    return m.find() ? Optional.of(URI.create(m.group(1))) : Optional.empty();
  }

  private static Optional<BigInteger> since(Optional<String> checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    if (checkpoint.isEmpty() || checkpoint.get().equals(START)) {
      return Optional.empty();
    }
    Matcher m = SINCE.matcher(checkpoint.get());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Mastodon checkpoint '"
              + checkpoint.get()
              + "' is not of the form 'since=<id>' or 'start'");
    }
    return Optional.of(new BigInteger(m.group(1)));
  }

  private Post toPost(JsonNode status, FetchedPage page) {
    JsonNode reblog = status.path("reblog");
    JsonNode shown = reblog.isObject() ? reblog : status;
    Element content =
        Jsoup.parseBodyFragment(shown.path("content").asText(""), page.uri().toString()).body();
    String text = HtmlText.of(content);
    String warning = shown.path("spoiler_text").asText("");
    if (!warning.isBlank()) {
      text = text.isEmpty() ? warning : warning + "\n\n" + text;
    }
    LinkedHashSet<String> links = new LinkedHashSet<>();
    for (Element a : content.select("a[href]")) {
      if (!a.hasClass("mention") && !a.hasClass("hashtag")) {
        links.add(a.attr("abs:href"));
      }
    }
    for (JsonNode media : shown.path("media_attachments")) {
      String url = media.path("url").asText("");
      if (!url.isBlank()) {
        links.add(url);
      }
    }
    return new Post(
        0,
        null,
        "mastodon",
        host,
        status.path("id").asText(),
        textOf(shown, "url").or(() -> textOf(shown, "uri")),
        textOf(status.path("account"), "acct"),
        text,
        textOf(shown, "language"),
        createdAt(status),
        page.fetchedAt(),
        List.copyOf(links),
        reblog.isObject() ? textOf(reblog.path("account"), "acct") : Optional.empty(),
        page.sha256());
  }

  private static Optional<String> textOf(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.asText().isBlank()
        ? Optional.empty()
        : Optional.of(v.asText());
  }

  private static Optional<Instant> createdAt(JsonNode status) {
    try {
      return textOf(status, "created_at").map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "MastodonSource[" + id + " <- " + timelineUri + "]";
  }
}
