package org.crossingwatch.classifier.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The terms that rule queries cannot match without ({@link RequiredTerms}), each numbered once per
 * compiled rule set, so that a post's terms are looked up once per post ({@link #termsOf}) and each
 * candidate's check is then a bit test instead of a terms-dictionary seek. Terms are numbered while
 * the rule set is compiled, on the compiling thread; once it is compiled the dictionary is only
 * read, and {@link #termsOf} is then thread-safe.
 */
final class TermDictionary {
  private final Map<String, Map<BytesRef, Integer>> idsByField = new HashMap<>();
  private int size;

  /** The number of this term, numbering it if it is new. */
  int idOf(Term term) {
    requireNonNull(term, "term");
    Map<BytesRef, Integer> ids = idsByField.computeIfAbsent(term.field(), field -> new HashMap<>());
    return ids.computeIfAbsent(BytesRef.deepCopyOf(term.bytes()), bytes -> size++);
  }

  /** How many terms are numbered. */
  int size() {
    return size;
  }

  /**
   * The numbered terms that the post's index holds, in any field and document.
   *
   * @param reader the post's in-memory index
   */
  PostTerms termsOf(IndexReader reader) {
    requireNonNull(reader, "reader");
    FixedBitSet present = new FixedBitSet(Math.max(1, size));
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        mark(leaf.reader(), present);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the post's terms", e);
    }
    return new PostTerms(present);
  }

  private void mark(LeafReader reader, FixedBitSet present) throws IOException {
    for (FieldInfo field : reader.getFieldInfos()) {
      Map<BytesRef, Integer> ids = idsByField.get(field.name);
      Terms terms = ids == null ? null : reader.terms(field.name);
      if (terms == null) {
        continue;
      }
      TermsEnum termsEnum = terms.iterator();
      for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
        Integer id = ids.get(term);
        if (id != null) {
          present.set(id);
        }
      }
    }
  }

  /** The numbered terms of one post. Immutable once made; thread-safe. */
  static final class PostTerms {
    private final FixedBitSet present;

    private PostTerms(FixedBitSet present) {
      this.present = present;
    }

    /** Whether the post holds the term of this number. */
    boolean contains(int id) {
      return id < present.length() && present.get(id);
    }
  }
}
