package org.crossingwatch.classifier.internal;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99Codec;
import org.apache.lucene.codecs.memory.DirectPostingsFormat;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.SingleInstanceLockFactory;

/**
 * How the compiled rule set's {@link Monitor} keeps its rule index: in memory only, built in one
 * commit, with each rule disjunct {@linkplain PreparedQuery prepared}, and with its terms and
 * postings held as plain arrays ({@link DirectPostingsFormat}) because every post's presearcher
 * query looks its terms up there. Not a shared object: one per compiled rule set.
 */
final class RuleIndexConfiguration extends MonitorConfiguration {
  /**
   * Lucene's default codec with the in-memory postings format for every field: the rule index is
   * written once and then only read, for every post, so its terms dictionary and postings are
   * decoded once when it is opened rather than on each lookup.
   */
  private static final Codec CODEC =
      new Lucene99Codec() {
        private final PostingsFormat direct = new DirectPostingsFormat();

        @Override
        public PostingsFormat getPostingsFormatForField(String field) {
          return direct;
        }
      };

  /**
   * @param ruleCount how many rules will be registered at once
   * @param dictionary numbers the terms the rules' disjuncts cannot match without
   */
  RuleIndexConfiguration(int ruleCount, TermDictionary dictionary) {
    // One commit, hence one segment, for the whole rule set: the presearcher looks up every
    // post term once per segment, and the default batch of 5,000 rules made one per batch.
    setQueryUpdateBufferSize(Math.max(1, ruleCount));
    // Each disjunct is rewritten here, once, instead of per post and candidate.
    setQueryDecomposer(new PreparedQuery.Decomposer(dictionary));
    // Rules live in memory only: no serializer, as in Monitor's default configuration.
    setDirectoryProvider(RuleIndexConfiguration::directory, null);
  }

  @Override
  protected IndexWriterConfig getIndexWriterConfig() {
    IndexWriterConfig config = super.getIndexWriterConfig();
    config.setCodec(CODEC);
    return config;
  }

  /**
   * The rule index's in-memory directory, each file in one buffer: every post's presearcher query
   * opens postings and doc values of the rule index, and slicing a file kept in many small buffers
   * (the default) copied a list of buffers each time.
   */
  private static Directory directory() {
    return new ByteBuffersDirectory(
        new SingleInstanceLockFactory(),
        ByteBuffersDataOutput::new,
        ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
  }
}
