package uk.chorus.themes;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Keeps the learned tagger trained: on the shipped examples (themes/examples.tsv, with vectors made
 * ahead) and on every lead's "is / is not about this theme" decision, each a labelled example.
 * Training runs on its own background thread after start-up, and again a moment after a decision
 * or a definition changes (several changes in a row train once), never on a request's thread.
 * Whoever needs the model before the first training ends (the index follower, the tag API) waits
 * for it; nothing a family does waits.
 */
@Singleton
public class ThemeLearner {
    private static final Logger LOG = LoggerFactory.getLogger(ThemeLearner.class);
    /** A lead's decision is about a comment from this area, so it counts for more than a shipped example. */
    static final double DECISION_WEIGHT = 3.0;
    private static final long RETRAIN_DELAY_MS = 300;
    private static final int MAX_REMEMBERED_VECTORS = 50_000;
    private static final long FIRST_MODEL_WAIT_MS = 120_000;
    private static final String PRECOMPUTED = "made ahead ";
    /** Models by everything they were trained from: services in one JVM (the test suite) train each once. */
    private static final Map<String, ThemeModel> TRAINED = new ConcurrentHashMap<>();

    private final SentenceEmbedder embedder;
    private final ThemeQueries themes;
    private final TextAnalysis analysis;
    private final ThemeStore store;
    private final TextSources sources;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "theme-learning");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private final CompletableFuture<Void> firstTraining = new CompletableFuture<>();
    /** Decided comments' vectors, by comment id and text (a comment is embedded once, not at every training). */
    private final Map<String, float[]> decidedVectors = new ConcurrentHashMap<>();
    private volatile ThemeModel model;
    /** What the model serving now was trained from (examples, definitions, decisions): a change means retagging. */
    private volatile String servedKey;
    private final io.micronaut.context.event.ApplicationEventPublisher<Retrained> retrained;

    /**
     * Heard after a training gives a model other than the one that tagged the comments already indexed
     * (a lead's decision, an edited definition): the index follower recomputes their learned themes.
     */
    public record Retrained() {
    }

    ThemeLearner(SentenceEmbedder embedder, ThemeQueries themes, TextAnalysis analysis, ThemeStore store,
                 TextSources sources, io.micronaut.context.event.ApplicationEventPublisher<Retrained> retrained) {
        this.retrained = retrained;
        this.embedder = embedder;
        this.themes = themes;
        this.analysis = analysis;
        this.store = store;
        this.sources = sources;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        retrainSoon();
    }

    /** Trains again shortly, in the background; asking again before it starts changes nothing. */
    public void retrainSoon() {
        if (queued.compareAndSet(false, true)) {
            worker.schedule(this::train, RETRAIN_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The current model. Before the first training ends, the model made ahead from the shipped
     * examples serves when the definitions are still the seeded ones (a fresh service trains
     * nothing); otherwise this waits for the first training. Empty if training failed.
     */
    Optional<ThemeModel> model() {
        if (model == null) {
            retrainSoon();
            List<ThemeQueries.Compiled> compiled = themes.all();
            ThemeExamples.precomputedModel(compiled, shipped()).ifPresent(made -> {
                synchronized (this) {
                    if (model == null) {
                        model = made;
                        servedKey = PRECOMPUTED + ThemeExamples.modelKey(compiled);
                    }
                }
            });
        }
        if (model == null) {
            try {
                firstTraining.get(FIRST_MODEL_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.warn("The learned tagger is not trained yet; themes come from their definitions alone for now");
            }
        }
        return Optional.ofNullable(model);
    }

    /**
     * The themes the learned model gives a comment being indexed, beyond its definitions' own
     * hits. A comment a lead decided about is scored without its own example's similarity.
     */
    Set<String> learned(String textId, String text, float[] vector) {
        Optional<ThemeModel> current = model();
        if (current.isEmpty()) {
            return Set.of();
        }
        Set<String> hits = ruleHits(text, themes.all());
        Set<String> learned = new HashSet<>(current.get().learned(vector, hits, textId));
        learned.removeAll(hits);
        return learned;
    }

    Set<String> ruleHits(String text, List<ThemeQueries.Compiled> compiled) {
        return Tagger.tag(text, compiled, analysis).stream().map(Tagger.Match::id).collect(Collectors.toSet());
    }

    private void train() {
        queued.set(false);
        try {
            List<ThemeQueries.Compiled> compiled = themes.all();
            List<String> themeIds = compiled.stream().map(ThemeQueries.Compiled::id).toList();
            List<ThemeModel.Example> examples = new ArrayList<>(shipped());
            examples.addAll(decided(themeIds));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(ThemeExamples.hash().getBytes(StandardCharsets.UTF_8));
            compiled.forEach(c -> digest.update((c.id() + "\u0000" + c.theme().definition() + "\u0000")
                    .getBytes(StandardCharsets.UTF_8)));
            examples.stream().filter(e -> !e.complete()).forEach(e -> digest.update((e.id() + e.about() + e.notAbout()
                    + e.text()).getBytes(StandardCharsets.UTF_8)));
            String key = HexFormat.of().formatHex(digest.digest());
            long began = System.nanoTime();
            ThemeModel trained = TRAINED.get(key);
            if (examples.size() == shipped().size()) {
                Optional<ThemeModel> ahead = ThemeExamples.precomputedModel(compiled, examples);
                if (ahead.isPresent()) {
                    trained = trained == null ? ahead.get() : trained;
                    key = PRECOMPUTED + ThemeExamples.modelKey(compiled); // the model made ahead: nothing to retag
                }
            }
            if (trained == null) {
                trained = ThemeModel.train(ThemeExamples.withRuleHits(examples, compiled, analysis), themeIds,
                        ThemeModel.Settings.CHOSEN);
                if (TRAINED.size() > 16) {
                    TRAINED.clear();
                }
                TRAINED.put(key, trained);
            }
            String previous = servedKey;
            model = trained;
            servedKey = key;
            if (previous != null && !previous.equals(key)) {
                retrained.publishEvent(new Retrained());
            }
            LOG.debug("Theme tagger trained on {} examples in {} ms", trained.size(), (System.nanoTime() - began) / 1_000_000);
        } catch (RuntimeException | NoSuchAlgorithmException e) {
            LOG.warn("The theme tagger could not be trained; themes come from their definitions alone", e);
        } finally {
            firstTraining.complete(null);
        }
    }

    private volatile List<ThemeModel.Example> shipped;

    private synchronized List<ThemeModel.Example> shipped() {
        List<ThemeModel.Example> examples = shipped;
        if (examples == null) {
            List<float[]> vectors = ThemeExamples.precomputed().orElseGet(() -> {
                LOG.warn("themes/examples.vectors does not match themes/examples.tsv: embedding the examples now. "
                        + "Regenerate it with -Dexec.mainClass=uk.chorus.themes.ThemeExamples");
                return embedder.embedAll(ThemeExamples.shipped().stream().map(ThemeExamples.Shipped::text).toList());
            });
            examples = ThemeExamples.examples(vectors);
            shipped = examples;
        }
        return examples;
    }

    /** Every lead's decision in force, as examples: one per comment, labelled only for the themes decided. */
    private List<ThemeModel.Example> decided(List<String> themeIds) {
        List<ThemeModel.Example> examples = new ArrayList<>();
        Map<String, Map<String, Boolean>> decisions = new LinkedHashMap<>(store.allDecisions());
        for (Map.Entry<String, Map<String, Boolean>> comment : decisions.entrySet()) {
            Optional<IndexedText> text = sources.comment(comment.getKey());
            if (text.isEmpty()) {
                continue; // erased: its words are gone, and so is what the tagger learned from them
            }
            Set<String> about = new HashSet<>();
            Set<String> notAbout = new HashSet<>();
            comment.getValue().forEach((theme, yes) -> {
                if (themeIds.contains(theme)) {
                    (yes ? about : notAbout).add(theme);
                }
            });
            String words = text.get().text();
            if (decidedVectors.size() > MAX_REMEMBERED_VECTORS) {
                decidedVectors.clear(); // erased or edited comments' vectors go; the rest are embedded again
            }
            float[] vector = decidedVectors.computeIfAbsent(comment.getKey() + "\u0000" + words, k -> embedder.embed(words));
            examples.add(new ThemeModel.Example(comment.getKey(), words, vector, about, notAbout, false, DECISION_WEIGHT,
                    Set.of()));
        }
        return examples;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
