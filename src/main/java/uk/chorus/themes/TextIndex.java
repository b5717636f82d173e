package uk.chorus.themes;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import uk.chorus.web.DataDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one Lucene index of every comment, under CHORUS_DATA_DIR/index. This bean owns the only
 * IndexWriter and hands out searchers through a SearcherManager. PostgreSQL stays the source of
 * truth: each commit records, in the index's own commit data, the last change-log entry it holds
 * and the database it was built from, so after a crash the follower carries on from there and an
 * index from another database is rebuilt rather than trusted.
 */
@Singleton
public class TextIndex {
    static final String ID = "id";
    static final String TEXT = "text";
    static final String DATE = "date";
    static final String RESPONDENT = "respondent";
    static final String RESPONSE = "response";
    static final String ITEM = "item";
    static final String PLEDGE_ORGANISATION = "pledgeOrganisation";
    static final String SURVEY = "survey";
    static final String RESTRICTED = "restricted";
    static final String CONFIRMED = "confirmed";
    static final String REJECTED = "rejected";
    /** Themes the learned model gave the comment when it was indexed (beyond its definitions' own words). */
    static final String LEARNED = "learned";
    static final String ABOUT = "about";
    /** Filters: each is a StringField "f.dim" to filter on and SortedDocValues "dv.dim" to count. */
    static final List<String> DIMENSIONS = List.of("source", "survey", "wave", "question", "channel", "service", "ehcp",
            "age-band", "primary-need", "school-phase", "area");
    static final String CHANGE_ID = "changeId";
    static final String INSTALLATION = "installation";

    /** The words: positions for phrases, offsets for highlighting and for showing which words made a tag. */
    private static final FieldType TEXT_TYPE = new FieldType();

    static {
        TEXT_TYPE.setTokenized(true);
        TEXT_TYPE.setStored(true);
        TEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_TYPE.freeze();
    }

    // Searches run over several segments at once, on as many threads as there are cores; the pool
    // belongs to this index and stops with it.
    private final java.util.concurrent.ExecutorService searchThreads = java.util.concurrent.Executors
            .newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), runnable -> {
                Thread thread = new Thread(runnable, "search");
                thread.setDaemon(true);
                return thread;
            });
    private final Directory directory;
    /** Each comment's meaning vector, or null where an index is built without them (tests, benchmarks). */
    private final Function<String, float[]> meaning;
    /** The learned tagger, or null where an index is built without it (tests, benchmarks). */
    private final Learned learned;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    @jakarta.inject.Inject
    TextIndex(DataDirectory data, TextAnalysis analysis, SentenceEmbedder embedder, ThemeLearner learner,
              @Value("${chorus.themes.index-ram-mb:64}") double ramBufferMb) {
        this(open(data.path().resolve("index")), analysis, ramBufferMb, embedder::embed, learner::learned);
    }

    /** For tests and benchmarks: any directory (a ByteBuffersDirectory in memory), without meaning vectors. */
    TextIndex(Directory directory, TextAnalysis analysis, double ramBufferMb) {
        this(directory, analysis, ramBufferMb, null, null);
    }

    /** What the learned model adds for a comment: (comment id, text, meaning vector) to theme ids. */
    interface Learned {
        java.util.Set<String> themes(String id, String text, float[] vector);
    }

    TextIndex(Directory directory, TextAnalysis analysis, double ramBufferMb, Function<String, float[]> meaning) {
        this(directory, analysis, ramBufferMb, meaning, null);
    }

    TextIndex(Directory directory, TextAnalysis analysis, double ramBufferMb, Function<String, float[]> meaning,
              Learned learned) {
        this.directory = directory;
        this.meaning = meaning;
        this.learned = learned;
        Analyzer analyzer = analysis.index();
        try {
            // An erased comment must leave the files, not only be marked deleted: expunging merges
            // away every segment holding a deleted document, however few it holds.
            TieredMergePolicy merges = new TieredMergePolicy();
            merges.setForceMergeDeletesPctAllowed(0.0);
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(ramBufferMb).setMergePolicy(merges);
            // Commit data is only what a commit made on purpose says; closing never commits half a catch-up.
            config.setCommitOnClose(false);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
                                                 org.apache.lucene.index.IndexReader previous) {
                    return new IndexSearcher(reader, searchThreads);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("The search index under " + directory + " cannot be opened. Each instance "
                    + "needs its own CHORUS_DATA_DIR.", e);
        }
    }

    private static Directory open(Path path) {
        try {
            return FSDirectory.open(path);
        } catch (IOException e) {
            throw new UncheckedIOException("The search index cannot be opened at " + path.toAbsolutePath(), e);
        }
    }

    Document document(IndexedText text) {
        return document(text, null);
    }

    /** {@code known}: the comment's vector when it is already at hand (a retagging), so it is not embedded again. */
    private Document document(IndexedText text, float[] known) {
        Document doc = new Document();
        // The comment's id: exact, stored, and what updates and deletes name.
        doc.add(new StringField(ID, text.id(), Field.Store.YES));
        dimension(doc, "source", text.source());
        if (text.surveyId() != null) {
            dimension(doc, "survey", text.surveyId());
            doc.add(new StringField(SURVEY, text.surveyId(), Field.Store.NO));
            doc.add(new StringField(RESPONSE, Long.toString(text.respondent()), Field.Store.NO));
            dimension(doc, "wave", text.wave() == null ? null : text.wave().toString());
            dimension(doc, "question", text.questionKey());
            if (text.restricted()) {
                // A young people's survey: searches leave it out for anyone not allowed to read it.
                doc.add(new StringField(RESTRICTED, text.surveyId(), Field.Store.NO));
            }
        } else if (text.source().equals(IndexedText.PLEDGE)) {
            doc.add(new StringField(PLEDGE_ORGANISATION, Long.toString(IndexedText.PLEDGE_RESPONDENTS - text.respondent()),
                    Field.Store.NO));
            dimension(doc, "service", text.service());
        } else {
            doc.add(new StringField(ITEM, Long.toString(-text.respondent()), Field.Store.NO));
            dimension(doc, "channel", text.channel());
            dimension(doc, "service", text.service());
        }
        StringBuilder about = new StringBuilder();
        text.about().forEach((topic, code) -> {
            if (DIMENSIONS.contains(topic)) {
                dimension(doc, topic, code);
                about.append(about.isEmpty() ? "" : ";").append(topic).append('=').append(code);
            }
        });
        doc.add(new StoredField(ABOUT, about.toString()));
        long day = text.date().toEpochDay();
        // The date: a point to filter ranges, doc values to sort by, stored to show.
        doc.add(new LongPoint(DATE, day));
        doc.add(new NumericDocValuesField(DATE, day));
        doc.add(new StoredField(DATE, day));
        doc.add(new NumericDocValuesField(RESPONDENT, text.respondent()));
        doc.add(new Field(TEXT, text.text(), TEXT_TYPE));
        if (meaning != null) {
            // What the comment means, for search by meaning and themes by similarity; vectors are
            // unit length, so the dot product is the cosine.
            float[] vector = known != null ? known : meaning.apply(text.text());
            doc.add(new KnnFloatVectorField(SentenceEmbedder.FIELD, vector, VectorSimilarityFunction.DOT_PRODUCT));
            if (learned != null) {
                // Stored at index time, as the vector is made only here; exact terms so a theme's query
                // can say "its definition or the learned model". Stored too, to show why on the comment's page.
                learned.themes(text.id(), text.text(), vector)
                        .forEach(theme -> doc.add(new StringField(LEARNED, theme, Field.Store.YES)));
            }
        }
        text.confirmed().forEach(theme -> doc.add(new StringField(CONFIRMED, theme, Field.Store.NO)));
        text.rejected().forEach(theme -> doc.add(new StringField(REJECTED, theme, Field.Store.NO)));
        return doc;
    }

    /** One filterable, countable value: a StringField to filter on (stored to show) and doc values to count. */
    private static void dimension(Document doc, String dimension, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        doc.add(new StringField("f." + dimension, value, Field.Store.YES));
        // Counted per comment for the filters' counts and for themes split by group.
        doc.add(new SortedDocValuesField("dv." + dimension, new BytesRef(value)));
    }

    void upsert(IndexedText text) {
        try {
            writer.updateDocument(new Term(ID, text.id()), document(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same, reusing the comment's meaning vector already in the index (its text unchanged). */
    void upsert(IndexedText text, float[] vector) {
        try {
            writer.updateDocument(new Term(ID, text.id()), document(text, vector));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One indexed comment as the learned tagger last saw it: its words, its vector and the themes it was given. */
    record Tagged(String id, String text, float[] vector, java.util.Set<String> learned) {
    }

    /**
     * Every comment in the index with its vector and stored learned themes, read from one snapshot
     * (searches and the follower go on meanwhile). Comments without a vector are skipped.
     */
    void forEachTagged(java.util.function.Consumer<Tagged> each) {
        search(searcher -> {
            try {
                for (org.apache.lucene.index.LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    org.apache.lucene.index.FloatVectorValues values = leaf.reader()
                            .getFloatVectorValues(SentenceEmbedder.FIELD);
                    if (values == null) {
                        continue;
                    }
                    org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
                    org.apache.lucene.index.StoredFields stored = leaf.reader().storedFields();
                    org.apache.lucene.index.KnnVectorValues.DocIndexIterator docs = values.iterator();
                    for (int doc = docs.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                         doc = docs.nextDoc()) {
                        if (live != null && !live.get(doc)) {
                            continue;
                        }
                        Document fields = stored.document(doc, java.util.Set.of(ID, TEXT, LEARNED));
                        each.accept(new Tagged(fields.get(ID), fields.get(TEXT), values.vectorValue(docs.index()).clone(),
                                java.util.Set.copyOf(java.util.Arrays.asList(fields.getValues(LEARNED)))));
                    }
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Adds without looking for an earlier copy: only into an index known to be empty (a rebuild). */
    void add(IndexedText text) {
        try {
            writer.addDocument(document(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String field, String value) {
        try {
            writer.deleteDocuments(new Term(field, value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rewrites the segments that hold deleted documents, so an erased comment's words are gone
     * from the files on disk once the next commit lands (until then they stay in old segments,
     * readable by anyone with the files). Costly, so only after an erasure.
     */
    void expungeDeleted() {
        try {
            writer.forceMergeDeletes(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void deleteAll() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes everything so far durable, saying which change-log entry it is current to. */
    void commit(long changeId, String installation) {
        writer.setLiveCommitData(Map.of(CHANGE_ID, Long.toString(changeId), INSTALLATION, installation).entrySet());
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the last commit said: its change id and database; empty when nothing was ever committed. */
    Map<String, String> committed() {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return Map.of();
            }
            Map<String, String> data = new HashMap<>();
            var live = writer.getLiveCommitData();
            if (live != null) {
                live.forEach(e -> data.put(e.getKey(), e.getValue()));
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes recent changes visible to searches (without committing them). */
    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T search(Function<IndexSearcher, T> work) {
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return work.apply(searcher);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    long documents() {
        return search(s -> (long) s.getIndexReader().numDocs());
    }

    @PreDestroy
    void close() throws IOException {
        try {
            abandon();
            directory.close();
        } finally {
            searchThreads.shutdown();
        }
    }

    /** Stops using the index as a crash would: what was not committed is gone. */
    void abandon() throws IOException {
        searchers.close();
        writer.rollback();
    }
}
