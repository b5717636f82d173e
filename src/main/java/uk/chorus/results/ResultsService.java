package uk.chorus.results;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import uk.chorus.responses.ResponseSubmitted;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SmallestGroup;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyVersions;
import uk.chorus.web.Messages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A survey's results as its pages, exports and API show them. Counting is one pass per question
 * over the wave's columns in memory (see Wave); finished results are cached per survey and view,
 * and a cached copy is used only while the change log shows nothing new for the survey, so
 * every instance shows what PostgreSQL holds. A submitted response also empties the survey's
 * entries at once on the instance that stored it.
 */
@Singleton
public class ResultsService {
    private record Key(String surveyId, long versionId, ResultOptions options) {
    }

    /**
     * Finished results and what they were worked out from: the newest change to the survey or any
     * wave it is compared with, and the population sizes. A change to either makes them stale.
     */
    private record Entry(List<String> waves, long changeId, Map<String, Map<String, Long>> sizes,
                         Comparisons.Rules rules, SurveyResults results) {
    }

    private final WaveStore store;
    private final WaveSummaries summaries;
    private final WaveSnapshots snapshots;
    private final SurveyVersions versions;
    private final Populations populations;
    private final SmallestGroup smallestGroup;
    private final Messages messages;
    private final ComparisonRules rules;
    private final LanguageSplit languages;
    private final Cache<Key, Entry> cache = Caffeine.newBuilder().maximumSize(500)
            .expireAfterAccess(Duration.ofHours(1)).build();

    ResultsService(WaveStore store, WaveSummaries summaries, WaveSnapshots snapshots, SurveyVersions versions,
                   Populations populations, SmallestGroup smallestGroup, Messages messages, ComparisonRules rules,
                   LanguageSplit languages) {
        this.rules = rules;
        this.languages = languages;
        this.store = store;
        this.summaries = summaries;
        this.snapshots = snapshots;
        this.versions = versions;
        this.populations = populations;
        this.smallestGroup = smallestGroup;
        this.messages = messages;
    }

    @EventListener
    void onSubmitted(ResponseSubmitted submitted) {
        cache.asMap().entrySet().removeIf(e -> e.getValue().waves().contains(submitted.surveyId()));
    }

    /** The results of a survey PostgreSQL holds; empty when it holds no such survey. */
    public Optional<SurveyResults> results(String surveyId, ResultOptions options) {
        Optional<LiveSurvey> survey = versions.newest(surveyId);
        if (survey.isEmpty()) {
            return Optional.empty();
        }
        Key key = new Key(surveyId, survey.get().versionId(), options);
        Map<String, Map<String, Long>> sizes = populations.of(surveyId);
        // A lead's decision that a reworded question is comparable changes verdicts: it is read each time, like sizes.
        Comparisons.Rules verdictRules = rules.of(survey.get().definition());
        if (!options.partials()) {
            Entry cached = cache.getIfPresent(key);
            if (cached != null && cached.sizes().equals(sizes) && cached.rules().equals(verdictRules)
                    && cached.changeId() == store.latestChange(cached.waves())) {
                return Optional.of(cached.results());
            }
        }
        SurveyDefinition definition = survey.get().definition();
        // Earlier waves first, each under its own lock, never while holding this survey's.
        WaveSummaries.Chain chain = definition.baseline() == null ? WaveSummaries.Chain.NONE : summaries.chain(surveyId);
        List<String> waves = new ArrayList<>(chain.waves().stream().map(w -> w.definition().id()).toList());
        if (!waves.contains(surveyId)) {
            waves.add(surveyId);
        }
        if (chain.missingBaseline() != null) {
            waves.add(chain.missingBaseline());
        }
        long changeId = store.latestChange(waves);
        Comparisons.OneYearOn oneYearOn = chain.comparable()
                ? Comparisons.build(chain, new Comparisons.Scope(options.onlyKey(), options.onlyCode(), options.by()),
                options.suppress(), smallestGroup.of(definition), verdictRules, messages)
                : null;
        if (options.partials()) {
            return store.withPartials(surveyId).map(wave -> compute(definition, wave, options, sizes, oneYearOn, chain));
        }
        Optional<SurveyResults> results = store.read(surveyId, (wave, change) -> {
            if (wave.size == 0) {
                Optional<WaveSummary> snapshot = snapshots.find(surveyId);
                if (snapshot.isPresent()) {
                    return fromSnapshot(definition, wave, snapshot.get(), options, oneYearOn, chain);
                }
            }
            return compute(definition, wave, options, sizes, oneYearOn, chain);
        });
        // Stamped with the change read before counting began: anything newer makes the next view recount.
        results.ifPresent(r -> cache.put(key, new Entry(List.copyOf(waves), changeId, sizes, verdictRules, r)));
        return results;
    }

    private SurveyResults compute(SurveyDefinition definition, Wave wave, ResultOptions options,
                                  Map<String, Map<String, Long>> sizes, Comparisons.OneYearOn oneYearOn,
                                  WaveSummaries.Chain chain) {
        int threshold = smallestGroup.of(definition);
        // Split by the language answered in: a column of its own, beside the questions.
        boolean byLanguage = LanguageSplit.KEY.equals(options.by()) && LanguageSplit.offered(definition);
        Wave.Column by = byLanguage ? languages.column(wave) : aboutYou(wave, options.by());
        Counting.Selection everyone = Counting.Selection.all(wave, options.partials());
        Counting.Selection selection = everyone;
        Counting.Selection unfiltered = null;
        String onlyLabel = null;
        Wave.Column only = options.filtered() ? aboutYou(wave, options.onlyKey()) : null;
        if (only != null) {
            selection = everyone.only(only, only.indexOf(options.onlyCode()));
            unfiltered = everyone;
            onlyLabel = only.question.text() + ": " + only.question.labelFor(options.onlyCode());
        }
        String weightedBy = null;
        Wave.Column weightColumn = aboutYou(wave, options.weightBy());
        if (weightColumn != null && sizes.containsKey(weightColumn.question.key())) {
            List<Weighting.Group> groups = Weighting.groups(wave, weightColumn, sizes.get(weightColumn.question.key()), everyone);
            selection = selection.weighted(Weighting.weights(wave, weightColumn, groups));
            weightedBy = weightColumn.question.text();
        }
        QuestionResults.Presentation presentation = new QuestionResults.Presentation(options.suppress(), threshold,
                options.roundToFive(), messages, by == null ? null : sizes.get(by.question.key()),
                overallPopulation(sizes, options, by, weightColumn),
                messages.get(only == null ? "results.row.all" : "results.row.only"));
        Map<String, Comparisons.QuestionComparison> compared = comparedByKey(oneYearOn);
        Wave.Column split = by;
        Counting.Selection counted = selection;
        Counting.Selection whole = unfiltered;
        // Questions are counted side by side on every core: each is a pass over its own column.
        List<QuestionResult> questions = wave.columns.parallelStream().map(column -> {
            // A question broken down by itself would only repeat its own answers.
            Wave.Column groups = column == split ? null : split;
            Counting.Table table = Counting.count(wave, column, groups, counted);
            Counting.Table published = whole == null || !options.suppress() ? null
                    : Counting.count(wave, column, groups, whole);
            return QuestionResults.build(table, published, presentation, headline(compared.get(column.question.key()),
                    oneYearOn));
        }).toList();
        if (byLanguage) {
            // The groups' own sizes first, as an about-you question's table gives them.
            List<QuestionResult> withLanguages = new ArrayList<>();
            withLanguages.add(QuestionResults.build(Counting.count(wave, by, null, counted),
                    whole == null || !options.suppress() ? null : Counting.count(wave, by, null, whole), presentation,
                    new String[3]));
            withLanguages.addAll(questions);
            questions = withLanguages;
        }
        boolean anySuppressed = questions.stream().anyMatch(QuestionResult::anySuppressed);
        long complete = 0;
        long partial = 0;
        for (int row = 0; row < wave.size; row++) {
            if (selection.included()[row]) {
                if (wave.partial(row)) {
                    partial++;
                } else {
                    complete++;
                }
            }
        }
        boolean hideTotal = options.suppress() && complete > 0 && complete < threshold;
        SurveyResults results = new SurveyResults(definition.id(), definition.title(), definition.wave(), hideTotal ? null : complete,
                hideTotal ? Figures.SUPPRESSED : Figures.count(complete), partial, false, options.suppress(), threshold,
                options.roundToFive(), by == null ? null : by.question.text(), onlyLabel, weightedBy,
                representation(wave, everyone, sizes, options.suppress(), threshold), questions, anySuppressed || hideTotal,
                oneYearOn, chain.missingBaseline());
        return Reach.apply(results, definition, hideTotal ? null : complete + (options.partials() ? partial : 0),
                by == null ? null : by.question.key(), messages);
    }

    /** A wave whose raw answers are gone: every question, overall or by one group, from its stored counts. */
    private SurveyResults fromSnapshot(SurveyDefinition definition, Wave empty, WaveSummary summary, ResultOptions options,
                                       Comparisons.OneYearOn oneYearOn, WaveSummaries.Chain chain) {
        int threshold = smallestGroup.of(definition);
        Wave.Column by = aboutYou(empty, options.by());
        QuestionResults.Presentation presentation = new QuestionResults.Presentation(options.suppress(), threshold,
                options.roundToFive(), messages, null, 0, messages.get("results.row.all"));
        Map<String, Comparisons.QuestionComparison> compared = comparedByKey(oneYearOn);
        List<QuestionResult> questions = new ArrayList<>();
        boolean anySuppressed = false;
        for (Wave.Column column : empty.columns) {
            WaveSummary.QuestionSummary stored = summary.questions().get(column.question.key());
            if (stored == null) {
                continue;
            }
            String[] headline = headline(compared.get(column.question.key()), oneYearOn);
            QuestionResult result = QuestionResults.build(Counting.fromSummary(column, stored, column == by ? null : by), (Counting.Table)
                    null, presentation,
                    headline);
            anySuppressed |= result.anySuppressed();
            questions.add(result);
        }
        long complete = summary.responses();
        boolean hideTotal = options.suppress() && complete > 0 && complete < threshold;
        SurveyResults results = new SurveyResults(definition.id(), definition.title(), definition.wave(), hideTotal ? null : complete,
                hideTotal ? Figures.SUPPRESSED : Figures.count(complete), 0, true, options.suppress(), threshold,
                options.roundToFive(), by == null ? null : by.question.text(), null, null, List.of(), questions,
                anySuppressed || hideTotal, oneYearOn, chain.missingBaseline());
        return Reach.apply(results, definition, hideTotal ? null : complete, by == null ? null : by.question.key(),
                messages);
    }

    /** The sentence under a question: its headline measure now, against the baseline, and the verdict. */
    private String[] headline(@Nullable Comparisons.QuestionComparison compared, Comparisons.OneYearOn oneYearOn) {
        if (compared == null) {
            return new String[]{null, null, null};
        }
        Comparisons.Line line = compared.headline();
        List<String> values = line.values();
        String now = values.get(values.size() - 1);
        String before = values.get(values.size() - 2);
        if (now.isEmpty() || before.isEmpty()) {
            return new String[]{null, null, null};
        }
        return new String[]{messages.get("results.headline", line.inSentence(), now, before, oneYearOn.baseline()),
                line.verdict(), line.verdictTone()};
    }

    private static Map<String, Comparisons.QuestionComparison> comparedByKey(@Nullable Comparisons.OneYearOn oneYearOn) {
        Map<String, Comparisons.QuestionComparison> byKey = new HashMap<>();
        if (oneYearOn != null) {
            oneYearOn.questions().forEach(q -> byKey.put(q.key(), q));
        }
        return byKey;
    }

    /** Everyone's population for margins of error: the filtered group's, or the groups' of the question used. */
    private static long overallPopulation(Map<String, Map<String, Long>> sizes, ResultOptions options,
                                          @Nullable Wave.Column by, @Nullable Wave.Column weightColumn) {
        if (options.filtered()) {
            Long group = sizes.getOrDefault(options.onlyKey(), Map.of()).get(options.onlyCode());
            return group == null ? 0 : group;
        }
        for (Wave.Column column : new Wave.Column[]{by, weightColumn}) {
            if (column != null && sizes.containsKey(column.question.key())) {
                return sizes.get(column.question.key()).values().stream().mapToLong(Long::longValue).sum();
            }
        }
        return sizes.values().stream().findFirst()
                .map(groups -> groups.values().stream().mapToLong(Long::longValue).sum()).orElse(0L);
    }

    private List<SurveyResults.RepresentationTable> representation(Wave wave, Counting.Selection everyone,
                                                                   Map<String, Map<String, Long>> sizes,
                                                                   boolean suppress, int threshold) {
        List<SurveyResults.RepresentationTable> tables = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> entry : sizes.entrySet()) {
            Wave.Column column = aboutYou(wave, entry.getKey());
            if (column == null) {
                continue;
            }
            List<SurveyResults.RepresentationRow> rows = new ArrayList<>();
            boolean anyFlag = false;
            for (Weighting.Group group : Weighting.groups(wave, column, entry.getValue(), everyone)) {
                boolean hidden = suppress && group.respondents() > 0 && group.respondents() < threshold;
                String flag = switch (group.flag()) {
                    case OVER -> messages.get("results.represent.over");
                    case UNDER -> messages.get("results.represent.under");
                    case NONE -> "";
                };
                anyFlag |= !flag.isEmpty();
                rows.add(new SurveyResults.RepresentationRow(group.label(), Figures.count(group.population()),
                        Figures.percent(group.populationShare()),
                        hidden ? Figures.SUPPRESSED : Figures.count(group.respondents()),
                        hidden ? Figures.SUPPRESSED : Figures.percent(group.respondentShare()),
                        hidden ? Figures.SUPPRESSED : Figures.percent(Math.min(1, group.respondents() / (double) group.population())),
                        hidden || group.respondents() == 0 ? "" : messages.get("results.margin.points",
                                Math.round(Significance.marginOfError(group.respondents(), group.population()) * 100)),
                        flag));
            }
            tables.add(new SurveyResults.RepresentationTable(entry.getKey(), column.question.text(), rows, anyFlag));
        }
        return tables;
    }

    /** A column that is an about-you question, or null (an unknown key in an address is ignored). */
    private static Wave.Column aboutYou(Wave wave, @Nullable String key) {
        if (key == null) {
            return null;
        }
        Wave.Column column = wave.column(key);
        return column != null && column.question.about() != null ? column : null;
    }

    /** The about-you questions of a survey, for the "break down by" and "only" choices. */
    static List<Question> aboutYouQuestions(SurveyDefinition definition) {
        return definition.questionList().stream().filter(q -> q.about() != null).toList();
    }
}
