/**
 * fenci for Apache Lucene: {@link dev.fenci.lucene.FenciTokenizer}, {@link
 * dev.fenci.lucene.FenciAnalyzer} and the tokenizer factory {@code fenci}.
 */
module dev.fenci.lucene {
  requires transitive dev.fenci;
  requires transitive org.apache.lucene.core;
  requires transitive org.apache.lucene.analysis.common;

  exports dev.fenci.lucene;

  provides org.apache.lucene.analysis.TokenizerFactory with dev.fenci.lucene.FenciTokenizerFactory;
  provides org.apache.lucene.analysis.TokenFilterFactory with dev.fenci.lucene.FenciFoldFilterFactory,
      dev.fenci.lucene.FenciQueryFilterFactory;
}
