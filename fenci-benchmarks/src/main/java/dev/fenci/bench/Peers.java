package dev.fenci.bench;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.model.perceptron.CWSTrainer;
import com.hankcs.hanlp.model.perceptron.PerceptronSegmenter;
import com.hankcs.hanlp.seg.common.Term;
import com.huaban.analysis.jieba.JiebaSegmenter;
import com.huaban.analysis.jieba.SegToken;
import dev.fenci.Segmenter;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** The segmenters compared, each loaded out of the box (or, for HanLP's perceptron, trained). */
final class Peers {
  private Peers() {}

  static Peer fenci(String preset) throws IOException {
    Segmenter s = Segmenter.load(preset);
    s.segment("预热"); // a first call, as for the peers: it builds the first layer's tables

    return new Peer() {
      @Override
      public String name() {
        return "fenci " + preset;
      }

      @Override
      public List<String> segment(String line) {
        List<String> w = s.segment(line);
        w.removeIf(dev.fenci.text.Chunker::isSpaceWord);
        return w;
      }
    };
  }

  static Peer hanlp() {
    HanLP.segment("预热");
    return new Peer() {
      @Override
      public String name() {
        return "HanLP 1.8.6 (HanLP.segment)";
      }

      @Override
      public List<String> segment(String line) {
        List<Term> terms = HanLP.segment(line);
        List<String> words = new ArrayList<>(terms.size());
        for (Term t : terms) {
          words.add(t.word);
        }
        return Peer.fromWords(line, words);
      }
    };
  }

  /** Trains HanLP's structured perceptron on {@code train} (default settings) into {@code model}. */
  static void trainHanlpPerceptron(Path train, Path model) throws IOException {
    new CWSTrainer().train(train.toString(), model.toString());
  }

  /** HanLP's perceptron segmenter with a model trained by {@link #trainHanlpPerceptron}. */
  static Peer hanlpPerceptron(Path model) throws IOException {
    PerceptronSegmenter seg = new PerceptronSegmenter(model.toString());
    seg.segment("预热"); // a first call, as for the other peers
    return new Peer() {
      @Override
      public String name() {
        return "HanLP perceptron trained on pd1998";
      }

      @Override
      public List<String> segment(String line) {
        return Peer.fromWords(line, seg.segment(line));
      }
    };
  }

  static Peer jieba() {
    JiebaSegmenter seg = new JiebaSegmenter();
    seg.process("预热", JiebaSegmenter.SegMode.SEARCH);
    return new Peer() {
      @Override
      public String name() {
        return "jieba-analysis 1.0.2 (SEARCH)";
      }

      @Override
      public List<String> segment(String line) {
        List<SegToken> tokens = seg.process(line, JiebaSegmenter.SegMode.SEARCH);
        int[] s = new int[tokens.size()];
        int[] e = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
          s[i] = tokens.get(i).startOffset;
          e[i] = tokens.get(i).endOffset;
        }
        return Peer.fromSpans(line, s, e, tokens.size());
      }
    };
  }

  static Peer smartcn() {
    ThreadLocal<Tokenizer> tokenizers = ThreadLocal.withInitial(HMMChineseTokenizer::new);
    Peer p = new Peer() {
      @Override
      public String name() {
        return "Lucene smartcn 9.12.3";
      }

      @Override
      public List<String> segment(String line) {
        Tokenizer t = tokenizers.get();
        List<int[]> spans = new ArrayList<>();
        try {
          t.setReader(new StringReader(line));
          OffsetAttribute off = t.addAttribute(OffsetAttribute.class);
          t.reset();
          while (t.incrementToken()) {
            spans.add(new int[] {off.startOffset(), off.endOffset()});
          }
          t.end();
          t.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        int[] s = new int[spans.size()];
        int[] e = new int[spans.size()];
        for (int i = 0; i < s.length; i++) {
          s[i] = spans.get(i)[0];
          e[i] = spans.get(i)[1];
        }
        return Peer.fromSpans(line, s, e, s.length);
      }
    };
    p.segment("预热");
    return p;
  }

  static Peer ansj(boolean nlp) {
    Peer p = new Peer() {
      @Override
      public String name() {
        return nlp ? "ansj 5.1.6 NlpAnalysis" : "ansj 5.1.6 ToAnalysis";
      }

      @Override
      public List<String> segment(String line) {
        List<org.ansj.domain.Term> terms = nlp ? org.ansj.splitWord.analysis.NlpAnalysis.parse(line).getTerms()
            : org.ansj.splitWord.analysis.ToAnalysis.parse(line).getTerms();
        int[] s = new int[terms.size()];
        int[] e = new int[terms.size()];
        for (int i = 0; i < terms.size(); i++) {
          org.ansj.domain.Term t = terms.get(i);
          s[i] = t.getOffe();
          e[i] = t.getOffe() + t.getRealName().length();
        }
        return Peer.fromSpans(line, s, e, s.length);
      }
    };
    p.segment("预热");
    return p;
  }
}
