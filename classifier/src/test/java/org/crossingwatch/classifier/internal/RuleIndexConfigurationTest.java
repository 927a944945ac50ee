package org.crossingwatch.classifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.codecs.lucene99.Lucene99Codec;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.crossingwatch.classifier.analysis.PostFields;
import org.junit.jupiter.api.Test;

class RuleIndexConfigurationTest {
  @Test
  void ruleIndexHoldsThePostingsOfEveryFieldAsInMemoryArrays() throws Exception {
    RuleIndexConfiguration configuration = new RuleIndexConfiguration(12_000, new TermDictionary());
    List<String> formats = new ArrayList<>();
    try (IndexWriter writer = configuration.buildIndexWriter()) {
      Lucene99Codec codec = (Lucene99Codec) writer.getConfig().getCodec();
      for (String field :
          List.of(PostFields.fieldOf("fr"), PostFields.fieldOf("ar"), PostFields.NEUTRAL_FIELD)) {
        formats.add(field + "=" + codec.getPostingsFormatForField(field).getName());
      }
      assertThat(writer.getDirectory()).isInstanceOf(ByteBuffersDirectory.class);
    }

    assertThat(formats).containsExactly("text_fr=Direct", "text=Direct", "neutral=Direct");
    assertThat(configuration.getQueryUpdateBufferSize()).isEqualTo(12_000);
    assertThat(configuration.getQueryDecomposer()).isInstanceOf(PreparedQuery.Decomposer.class);
    assertThat(configuration.getQuerySerializer()).isNull();
  }
}
