package org.crossingwatch.console.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.crossingwatch.console.view.AlertRecord;
import org.crossingwatch.console.view.Entity;

/**
 * The console's Lucene index of alerts: post text, author and channel (ICU tokenised and folded, so
 * Arabic, Persian and Latin scripts all match loosely), phones in E.164, handles, wallets, channels
 * and the seen-time range. One document per alert id, so re-reading the topics from the beginning
 * rebuilds it without duplicates. Thread-safe.
 */
public final class SearchIndex implements AutoCloseable {
  private static final String ID = "id";
  private static final String TEXT = "text";
  private static final String FIRST = "first";
  private static final String LAST = "last";
  private static final String LAST_SORT = "lastSort";

  private final Directory directory;
  private final Analyzer analyzer = new FoldingAnalyzer();
  private final IndexWriter writer;
  private final SearcherManager searchers;

  private SearchIndex(Directory directory) throws IOException {
    this.directory = directory;
    this.writer =
        new IndexWriter(
            directory,
            new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
    this.searchers = new SearcherManager(writer, null);
  }

  /**
   * Opens (or creates) the index in {@code dir}.
   *
   * @throws UncheckedIOException when the folder cannot be used, for example because another
   *     console holds its lock
   */
  public static SearchIndex open(Path dir) {
    Objects.requireNonNull(dir, "dir");
    try {
      Files.createDirectories(dir);
      return new SearchIndex(FSDirectory.open(dir));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the search index in " + dir, e);
    }
  }

  /** An index kept in memory only, for tests and throw-away consoles. */
  public static SearchIndex inMemory() {
    try {
      return new SearchIndex(new ByteBuffersDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds the alert or replaces its previous version. */
  public void add(AlertRecord record) {
    var alert = record.alert();
    var post = alert.post();
    Document doc = new Document();
    doc.add(new StringField(ID, record.id(), Field.Store.YES));
    doc.add(new TextField(TEXT, post.text(), Field.Store.NO));
    post.author().ifPresent(a -> doc.add(new TextField(TEXT, a, Field.Store.NO)));
    doc.add(new TextField(TEXT, post.channel(), Field.Store.NO));
    doc.add(new StringField("channel", post.channel().toLowerCase(Locale.ROOT), Field.Store.NO));
    for (String seen : alert.channels()) {
      String lower = seen.toLowerCase(Locale.ROOT);
      doc.add(new StringField("channel", lower, Field.Store.NO));
      int colon = lower.indexOf(':');
      if (colon >= 0) {
        doc.add(new StringField("channel", lower.substring(colon + 1), Field.Store.NO));
      }
    }
    for (Entity entity : record.entities()) {
      switch (entity.type()) {
        case "phone" -> doc.add(new StringField("phone", entity.normalized(), Field.Store.NO));
        case "handle" ->
            doc.add(
                new StringField(
                    "handle", entity.normalized().toLowerCase(Locale.ROOT), Field.Store.NO));
        case "wallet" ->
            doc.add(
                new StringField("wallet", SearchQuery.wallet(entity.normalized()), Field.Store.NO));
        default -> {
          // Places and prices: findable as written and by their canonical name ("Turkey").
          doc.add(new TextField(TEXT, entity.value(), Field.Store.NO));
          doc.add(new TextField(TEXT, entity.normalized(), Field.Store.NO));
        }
      }
    }
    doc.add(new LongPoint(FIRST, alert.firstSeen().toEpochMilli()));
    doc.add(new LongPoint(LAST, alert.lastSeen().toEpochMilli()));
    doc.add(new NumericDocValuesField(LAST_SORT, alert.lastSeen().toEpochMilli()));
    try {
      writer.updateDocument(new Term(ID, record.id()), doc);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot index alert " + record.id(), e);
    }
  }

  /** Removes an alert; unknown ids are ignored. */
  public void delete(String alertId) {
    try {
      writer.deleteDocuments(new Term(ID, alertId));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove alert " + alertId, e);
    }
  }

  /** Makes recent changes searchable and durable on disk. */
  public void refresh() {
    try {
      searchers.maybeRefresh();
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot commit the search index", e);
    }
  }

  /**
   * The ids of alerts matching every criterion of {@code query}: by relevance when it has free
   * text, most recently seen first otherwise.
   */
  public List<String> search(SearchQuery query, int limit) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    boolean scored = false;
    if (query.text().isPresent()) {
      SimpleQueryParser parser = new SimpleQueryParser(analyzer, TEXT);
      parser.setDefaultOperator(Occur.MUST);
      Query text = parser.parse(query.text().get());
      if (text == null) {
        throw new IllegalArgumentException(
            "q '" + query.text().get() + "' has no searchable words");
      }
      all.add(text, Occur.MUST);
      scored = true;
    }
    query.phone().ifPresent(p -> all.add(new TermQuery(new Term("phone", p)), Occur.FILTER));
    query.handle().ifPresent(h -> all.add(new TermQuery(new Term("handle", h)), Occur.FILTER));
    query.wallet().ifPresent(w -> all.add(new TermQuery(new Term("wallet", w)), Occur.FILTER));
    query.channel().ifPresent(c -> all.add(new TermQuery(new Term("channel", c)), Occur.FILTER));
    query
        .from()
        .ifPresent(
            f ->
                all.add(
                    LongPoint.newRangeQuery(LAST, f.toEpochMilli(), Long.MAX_VALUE), Occur.FILTER));
    query
        .to()
        .ifPresent(
            t ->
                all.add(
                    LongPoint.newRangeQuery(FIRST, Long.MIN_VALUE, t.toEpochMilli() - 1),
                    Occur.FILTER));
    all.add(new MatchAllDocsQuery(), Occur.FILTER);
    try {
      searchers.maybeRefreshBlocking();
      IndexSearcher searcher = searchers.acquire();
      try {
        TopDocs top =
            scored
                ? searcher.search(all.build(), limit)
                : searcher.search(
                    all.build(),
                    limit,
                    new Sort(new SortField(LAST_SORT, SortField.Type.LONG, true)));
        List<String> ids = new ArrayList<>();
        for (ScoreDoc hit : top.scoreDocs) {
          ids.add(searcher.storedFields().document(hit.doc).get(ID));
        }
        return List.copyOf(ids);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot search the index", e);
    }
  }

  @Override
  public void close() {
    try (directory;
        writer;
        searchers;
        analyzer) {
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the search index", e);
    }
  }

  /** ICU word segmentation (every script) and ICU folding (case, accents, Arabic variants). */
  private static final class FoldingAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new ICUTokenizer();
      TokenStream folded = new ICUFoldingFilter(tokenizer);
      return new TokenStreamComponents(tokenizer, folded);
    }
  }
}
