package org.crossingwatch.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crossingwatch.classifier.internal.FrenchPosts.searcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.crossingwatch.classifier.analysis.PostFields;
import org.junit.jupiter.api.Test;

class RequiredTermsTest {
  private final RuleQueryParser parser = new RuleQueryParser();

  @Test
  void describesTheTermsEachKindOfQueryCannotMatchWithout() throws Exception {
    Map<String, String> formulas = new LinkedHashMap<>();
    for (String query :
        List.of(
            "passage AND (lampedusa OR sfax)",
            "\"départ de sfax\"~2",
            "sfax -police",
            "NOT police",
            "passag* AND lampedusa",
            "passag* OR lampedusa",
            "lampedusa~1 AND passage",
            "emoji_boat^2 OR (sfax AND NOT journal)")) {
      formulas.put(query, formula(parser.parse(query, "fr")));
    }
    formulas.put(
        "ar: رحلة AND (زوارة OR لامبيدوزا)",
        formula(parser.parse("رحلة AND (زوارة OR لامبيدوزا)", "ar")));

    assertThat(formulas)
        .containsExactly(
            Map.entry(
                "passage AND (lampedusa OR sfax)",
                "all(text_fr:pasag, any(text_fr:lampedusa, text_fr:sfa))"),
            Map.entry("\"départ de sfax\"~2", "all(text_fr:depart, text_fr:de, text_fr:sfa)"),
            Map.entry("sfax -police", "text_fr:sfa"),
            Map.entry("NOT police", "none"),
            Map.entry("passag* AND lampedusa", "text_fr:lampedusa"),
            Map.entry("passag* OR lampedusa", "none"),
            Map.entry("lampedusa~1 AND passage", "text_fr:pasag"),
            Map.entry(
                "emoji_boat^2 OR (sfax AND NOT journal)", "any(neutral:emoji_boat, text_fr:sfa)"),
            Map.entry(
                "ar: رحلة AND (زوارة OR لامبيدوزا)",
                "all(text:رحل, any(text:زوار, text:لامبيدوزا))"));
  }

  @Test
  void needsAsManyOptionalClausesAsTheMinimumThatShouldMatch() {
    BooleanQuery twoOfThree =
        new BooleanQuery.Builder()
            .add(term("passage"), BooleanClause.Occur.SHOULD)
            .add(term("lampedusa"), BooleanClause.Occur.SHOULD)
            .add(term("sfax"), BooleanClause.Occur.SHOULD)
            .setMinimumNumberShouldMatch(2)
            .build();
    BooleanQuery optionalBesideRequired =
        new BooleanQuery.Builder()
            .add(term("passage"), BooleanClause.Occur.MUST)
            .add(term("lampedusa"), BooleanClause.Occur.SHOULD)
            .build();

    assertThat(formula(twoOfThree))
        .isEqualTo("atLeast2(text_fr:passage, text_fr:lampedusa, text_fr:sfax)");
    assertThat(formula(optionalBesideRequired)).isEqualTo("text_fr:passage");
  }

  @Test
  void rejectsOnlyCandidatesThatLuceneDoesNotMatchEither() throws Exception {
    List<String> queries =
        List.of(
            "passage AND (lampedusa OR sfax)",
            "\"départ de sfax\"~2",
            "\"sfax départ\"",
            "sfax -police",
            "police -sfax",
            "NOT police",
            "passag* AND lampedusa",
            "passag* OR lampedusa",
            "lampedusa~1 AND passage",
            "emoji_boat OR (sfax AND NOT journal)");
    List<String> posts =
        List.of(
            "Passage pour Lampedusa, départ de Sfax 🚤 3000 euros",
            "Départ de Sfax demain, la police était là",
            "Passage vers Lampadusa 🚤",
            "Journal: arrestations à Sfax");
    TermDictionary dictionary = new TermDictionary();
    Map<String, PreparedQuery> prepared = new LinkedHashMap<>();
    for (String query : queries) {
      prepared.put(query, PreparedQuery.of(parser.parse(query, "fr"), dictionary));
    }
    List<String> rejected = new ArrayList<>();
    List<String> matched = new ArrayList<>();
    for (String post : posts) {
      IndexSearcher searcher = searcher(post);
      TermDictionary.PostTerms terms = dictionary.termsOf(searcher.getIndexReader());
      for (String query : queries) {
        boolean matches = searcher.count(prepared.get(query).forMatching(searcher)) > 0;
        if (!prepared.get(query).mayMatch(terms)) {
          assertThat(matches).as(query + " on " + post).isFalse();
          rejected.add(post.substring(0, 12) + " | " + query);
        }
        if (matches) {
          matched.add(post.substring(0, 12) + " | " + query);
        }
      }
    }

    assertThat(rejected)
        .containsExactly(
            "Passage pour | police -sfax",
            "Départ de Sf | passage AND (lampedusa OR sfax)",
            "Départ de Sf | passag* AND lampedusa",
            "Départ de Sf | lampedusa~1 AND passage",
            "Passage vers | passage AND (lampedusa OR sfax)",
            "Passage vers | \"départ de sfax\"~2",
            "Passage vers | \"sfax départ\"",
            "Passage vers | sfax -police",
            "Passage vers | police -sfax",
            "Passage vers | passag* AND lampedusa",
            "Journal: arr | passage AND (lampedusa OR sfax)",
            "Journal: arr | \"départ de sfax\"~2",
            "Journal: arr | \"sfax départ\"",
            "Journal: arr | police -sfax",
            "Journal: arr | passag* AND lampedusa",
            "Journal: arr | lampedusa~1 AND passage");
    assertThat(matched)
        .containsExactly(
            "Passage pour | passage AND (lampedusa OR sfax)",
            "Passage pour | \"départ de sfax\"~2",
            "Passage pour | sfax -police",
            "Passage pour | passag* OR lampedusa",
            "Passage pour | lampedusa~1 AND passage",
            "Passage pour | emoji_boat OR (sfax AND NOT journal)",
            "Départ de Sf | \"départ de sfax\"~2",
            "Départ de Sf | emoji_boat OR (sfax AND NOT journal)",
            "Passage vers | lampedusa~1 AND passage",
            "Passage vers | emoji_boat OR (sfax AND NOT journal)",
            "Journal: arr | sfax -police");
  }

  @Test
  void numbersEachTermOnceAndFindsThePostsTermsPerField() {
    TermDictionary dictionary = new TermDictionary();
    List<Integer> ids = new ArrayList<>();
    for (Term term :
        List.of(
            new Term("text_fr", "lampedusa"),
            new Term("neutral", "emoji_boat"),
            new Term("neutral", "lampedusa"),
            new Term("text_fr", "sfa"),
            new Term("text_ru", "lampedusa"),
            new Term("text_fr", "lampedusa"))) {
      ids.add(dictionary.idOf(term));
    }
    TermDictionary.PostTerms terms =
        dictionary.termsOf(searcher("Passage pour Lampedusa 🚤").getIndexReader());
    int later = dictionary.idOf(new Term("text_fr", "pour"));
    List<Integer> present = new ArrayList<>();
    for (int id = 0; id <= later; id++) {
      if (terms.contains(id)) {
        present.add(id);
      }
    }

    assertThat(ids).containsExactly(0, 1, 2, 3, 4, 0);
    assertThat(dictionary.size()).isEqualTo(6);
    assertThat(present).containsExactly(0, 1);
  }

  private static TermQuery term(String word) {
    return new TermQuery(new Term(PostFields.fieldOf("fr"), word));
  }

  private static String formula(Query query) {
    return RequiredTerms.of(query, new TermDictionary())
        .map(RequiredTerms::toString)
        .orElse("none");
  }
}
