package uk.chorus.themes;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

/**
 * How comments are read, for this field. Indexing: words as written, possessives dropped, lower
 * case, folded to their stem (waiting, waits, waited: wait). Searching and theme definitions:
 * the same, with the SEND synonyms and acronyms of themes/synonyms.txt (and a lead's own file,
 * CHORUS_SYNONYMS_FILE) applied first, so "EHCP" finds "education, health and care plan" and
 * "respite" finds "short breaks". Synonyms apply only when searching, so editing them needs a
 * restart but never a rebuild. Stop words stay in the index: phrases such as "education health
 * and care plan" must match word for word. A third reading makes two-word phrases ("waiting
 * list") for "what is new", unstemmed so they read as people wrote them.
 */
@Singleton
public class TextAnalysis {
    private static final Logger LOG = LoggerFactory.getLogger(TextAnalysis.class);
    /** Words that carry no topic: left out of significant terms and two-word phrases. */
    static final CharArraySet STOP_WORDS = stopWords();
    private final SynonymMap synonyms;
    private final Analyzer index = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new PorterStemFilter(plain(source)));
        }
    };
    private final Analyzer query;
    private final Analyzer phrases = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            ShingleFilter pairs = new ShingleFilter(new StopFilter(plain(source), STOP_WORDS), 2, 2);
            pairs.setOutputUnigrams(false);
            pairs.setFillerToken("");
            return new TokenStreamComponents(source, new WholePairs(pairs));
        }
    };

    TextAnalysis(@Value("${chorus.themes.synonyms-file:}") String extraSynonyms) {
        this.synonyms = loadSynonyms(extraSynonyms);
        this.query = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream words = new SynonymGraphFilter(plain(source), synonyms, true);
                return new TokenStreamComponents(source, new PorterStemFilter(words));
            }
        };
    }

    /** For the text field as it is indexed. */
    public Analyzer index() {
        return index;
    }

    /** For searches and theme definitions: the index's reading plus synonyms. */
    public Analyzer query() {
        return query;
    }

    /** Two-word phrases, for what is new. */
    public Analyzer phrases() {
        return phrases;
    }

    private static TokenStream plain(Tokenizer source) {
        return new LowerCaseFilter(new EnglishPossessiveFilter(source));
    }

    private static SynonymMap loadSynonyms(String extraFile) {
        Analyzer parsing = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, plain(source));
            }
        };
        SolrSynonymParser parser = new SolrSynonymParser(true, true, parsing);
        try (InputStream bundled = TextAnalysis.class.getResourceAsStream("/themes/synonyms.txt")) {
            parser.parse(new InputStreamReader(bundled, StandardCharsets.UTF_8));
            if (!extraFile.isBlank()) {
                Path path = Path.of(extraFile);
                if (Files.isReadable(path)) {
                    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                        parser.parse(reader);
                    }
                    LOG.info("Synonyms read from {} as well as the bundled list.", path.toAbsolutePath());
                } else {
                    LOG.warn("CHORUS_SYNONYMS_FILE {} cannot be read: only the bundled synonyms are used.",
                            path.toAbsolutePath());
                }
            }
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("A synonyms file has a line that cannot be read: " + e.getMessage(), e);
        }
    }

    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        for (String word : new String[]{"i", "me", "my", "we", "our", "us", "you", "your", "he", "him", "his", "she",
                "her", "they", "them", "their", "it's", "its", "im", "i'm", "so", "can", "get", "got", "has", "had",
                "have", "been", "do", "did", "does", "don't", "didn't", "doesn't", "can't", "would", "could", "should",
                "just", "very", "really", "also", "from", "all", "any", "more", "when", "what", "who", "how", "which",
                "about", "because", "up", "out", "one", "some", "am", "were", "was", "is", "are", "there", "here",
                "still", "even", "much", "many", "after", "before", "over", "only", "than", "too", "every", "lot",
                "lots", "being", "things", "thing", "know", "went", "go", "going", "like", "make", "made", "time"}) {
            words.add(word);
        }
        return CharArraySet.unmodifiableSet(words);
    }

    /** Terms as the index holds them, for a word or phrase a person typed (for labels and coverage). */
    java.util.List<String> indexTerms(String text) {
        java.util.List<String> terms = new java.util.ArrayList<>();
        try (TokenStream stream = index.tokenStream("text", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** Drops the pairs a stop word broke (they hold an empty filler: "care " or " plan"). */
    private static final class WholePairs extends FilteringTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        WholePairs(TokenStream input) {
            super(input);
        }

        @Override
        protected boolean accept() {
            int length = term.length();
            if (length < 3 || term.charAt(0) == ' ' || term.charAt(length - 1) == ' ') {
                return false;
            }
            for (int i = 1; i < length - 1; i++) {
                if (term.charAt(i) == ' ' && term.charAt(i + 1) == ' ') {
                    return false;
                }
            }
            return true;
        }
    }
}
