package org.crossingwatch.classifier.internal;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.crossingwatch.classifier.analysis.PostFields;

/**
 * The post fields that the rules of each routing language read, so a post is analysed only in the
 * fields that a rule it is checked against can look at. A rule is only a candidate for a post of
 * one of its routing languages, and its query only reads its own fields (negated clauses included),
 * so leaving every other field out of the post cannot change what matches, while each field left
 * out saves analysing the post once more and looking its terms up in the rule index. A query that
 * reads no field ({@code *:*}) needs none; a query whose fields cannot be told (a leaf query type
 * that does not name its field) counts as reading every field. Immutable once built; thread-safe.
 */
final class RoutedFields {
  private static final SortedSet<String> EMPTY = Collections.emptySortedSet();

  private final Map<String, SortedSet<String>> byRouting = new HashMap<>();
  private final SortedSet<String> allFields;

  /**
   * @param allFields every field a post may be indexed in, for queries whose fields are unknown
   */
  RoutedFields(Collection<String> allFields) {
    this.allFields = Collections.unmodifiableSortedSet(new TreeSet<>(allFields));
  }

  /**
   * Records the fields a rule's query reads.
   *
   * @param routing the rule's routing language ({@link PostFields#routingValue(String)})
   */
  void add(String routing, Query query) {
    requireNonNull(routing, "routing");
    requireNonNull(query, "query");
    SortedSet<String> fields = byRouting.computeIfAbsent(routing, r -> new TreeSet<>());
    query.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            // A field no post is indexed in matches nothing, as before.
            if (allFields.contains(field)) {
              fields.add(field);
            }
            return true;
          }

          @Override
          public void visitLeaf(Query leaf) {
            if (!(leaf instanceof MultiTermQuery
                || leaf instanceof MatchAllDocsQuery
                || leaf instanceof MatchNoDocsQuery)) {
              fields.addAll(allFields);
            }
          }
        });
  }

  /**
   * The fields read by the rules of these routing languages and of {@link PostFields#ANY}.
   *
   * @param routed routing languages; unknown ones have no rules and add nothing
   * @return the fields, sorted; empty when no such rule reads any field
   */
  SortedSet<String> readBy(Collection<String> routed) {
    SortedSet<String> fields = new TreeSet<>(byRouting.getOrDefault(PostFields.ANY, EMPTY));
    for (String language : routed) {
      fields.addAll(byRouting.getOrDefault(language, EMPTY));
    }
    return fields;
  }
}
