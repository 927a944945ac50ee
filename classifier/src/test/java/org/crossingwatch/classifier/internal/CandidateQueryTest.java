package org.crossingwatch.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class CandidateQueryTest {
  /** Rule documents as the two-pass presearcher indexes them: name, then field_pass=term pairs. */
  private static final List<List<String>> RULES =
      List.of(
          List.of("boat-italy", "text_en_0=italy", "text_en_1=boat"),
          List.of("boat-greece", "text_en_0=greece", "text_en_1=boat"),
          List.of("passage", "text_fr_0=passage", "text_fr_1=lampedusa"),
          List.of("emoji", "neutral_0=emoji_boat", "neutral_1=__anytokenfield"),
          List.of("any", "__anytokenfield_0=__ANYTOKEN__", "__anytokenfield_1=__ANYTOKEN__"));

  @Test
  void selectsTheRulesIndexedUnderAPostTermInEveryPass() throws IOException {
    Query query =
        new CandidateQuery(
            Map.of(
                "text_en", terms("boat", "italy"),
                "text_fr", terms("lampedusa"),
                "neutral", terms("emoji_boat")),
            "__anytokenfield",
            List.of(),
            2);

    assertThat(selected(query)).containsExactly("boat-italy");
  }

  @Test
  void onePassSelectsEveryRuleWithOnePostTermInItsFirstPass() throws IOException {
    Query query =
        new CandidateQuery(
            Map.of("text_en", terms("italy", "greece"), "text_fr", terms("passage")),
            "__anytokenfield",
            List.of(),
            1);

    assertThat(selected(query)).containsExactly("boat-italy", "boat-greece", "passage");
  }

  @Test
  void looksTheAnyTokenUpInEveryPassWhenGiven() throws IOException {
    Query query =
        new CandidateQuery(
            Map.of("text_en", terms("greece", "boat")),
            "__anytokenfield",
            terms("__ANYTOKEN__"),
            2);

    assertThat(selected(query)).containsExactly("boat-greece", "any");
    assertThat(query)
        .hasToString("candidates(2 passes: text_en:[greece, boat] __anytokenfield:[__ANYTOKEN__])");
  }

  @Test
  void selectsNothingWhenNoPostTermIsIndexed() throws IOException {
    Query query =
        new CandidateQuery(Map.of("text_ru", terms("лодка")), "__anytokenfield", List.of(), 2);

    assertThat(selected(query)).isEmpty();
  }

  @Test
  void rejectsLessThanOnePass() {
    assertThatThrownBy(() -> new CandidateQuery(Map.of(), "__anytokenfield", List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("passes must be at least 1, was 0");
  }

  private static List<BytesRef> terms(String... terms) {
    List<BytesRef> refs = new ArrayList<>();
    for (String term : terms) {
      refs.add(new BytesRef(term));
    }
    return refs;
  }

  /** The names of the rule documents the query selects, in index order. */
  private static List<String> selected(Query query) throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
        for (List<String> rule : RULES) {
          Document doc = new Document();
          doc.add(new StoredField("name", rule.get(0)));
          for (String value : rule.subList(1, rule.size())) {
            String[] fieldAndTerm = value.split("=", 2);
            doc.add(new StringField(fieldAndTerm[0], fieldAndTerm[1], Field.Store.NO));
          }
          writer.addDocument(doc);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        List<String> names = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(query, RULES.size()).scoreDocs) {
          names.add(searcher.storedFields().document(hit.doc).get("name"));
        }
        return names;
      }
    }
  }
}
