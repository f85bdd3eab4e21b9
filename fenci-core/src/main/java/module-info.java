/**
 * fenci: Chinese word segmentation with a fully convolutional network.
 *
 * <p>The API: {@link dev.fenci.Segmenter} and {@link dev.fenci.Token} (package {@code dev.fenci}),
 * user dictionaries ({@code dev.fenci.dict}) and training ({@code dev.fenci.train}); beside them
 * model files ({@code dev.fenci.model}), text rules ({@code dev.fenci.text}) and scoring
 * ({@code dev.fenci.eval}), whose types that API takes and returns. The network, the decoder, the
 * corpus readers and the tag scheme stay inside (the few public methods that name their types, such
 * as {@code Model.network()}, serve the command line and the benchmarks on the class path). The Vector API ({@code jdk.incubator.vector}) is
 * optional: run with {@code --add-modules jdk.incubator.vector} for the fast matrix kernels.
 */
module dev.fenci {
  requires static jdk.incubator.vector;

  exports dev.fenci;
  exports dev.fenci.dict;
  exports dev.fenci.train;
  exports dev.fenci.model;
  exports dev.fenci.text;
  exports dev.fenci.eval;
}
