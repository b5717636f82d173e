package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyVersions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each wave's summary (counts overall, by group and by quarter): worked out from its responses
 * while they are held, read from its stored snapshot once they have been deleted. And the chain
 * of waves a survey is compared along: its baseline, the baseline's baseline, and so on.
 */
@Singleton
class WaveSummaries {
    /** The most waves followed back; a survey file naming itself or a loop of baselines stops here too. */
    private static final int LONGEST_CHAIN = 12;

    record WaveFigures(SurveyDefinition definition, WaveSummary summary, boolean fromSnapshot) {
        String label() {
            return Integer.toString(definition.wave());
        }
    }

    /** Waves oldest first, the survey itself last; {@code missingBaseline} names a baseline with no figures. */
    record Chain(List<WaveFigures> waves, @Nullable String missingBaseline) {
        /** A survey compared with nothing. */
        static final Chain NONE = new Chain(List.of(), null);

        WaveFigures current() {
            return waves.get(waves.size() - 1);
        }

        boolean comparable() {
            return waves.size() >= 2;
        }
    }

    private record Cached(Wave wave, int size, long changeId, WaveSummary summary) {
    }

    private final WaveStore store;
    private final WaveSnapshots snapshots;
    private final SurveyVersions versions;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    WaveSummaries(WaveStore store, WaveSnapshots snapshots, SurveyVersions versions) {
        this.store = store;
        this.snapshots = snapshots;
        this.versions = versions;
    }

    Optional<WaveFigures> of(String surveyId) {
        Optional<LiveSurvey> survey = versions.newest(surveyId);
        if (survey.isEmpty()) {
            return Optional.empty();
        }
        Optional<WaveSummary> live = store.read(surveyId, (wave, changeId) -> {
            if (wave.size == 0) {
                return null;
            }
            Cached cached = cache.get(surveyId);
            if (cached != null && cached.wave() == wave && cached.size() == wave.size && cached.changeId() == changeId) {
                return cached.summary();
            }
            WaveSummary summary = WaveSummary.of(wave);
            cache.put(surveyId, new Cached(wave, wave.size, changeId, summary));
            return summary;
        });
        if (live.isPresent()) {
            return Optional.of(new WaveFigures(survey.get().definition(), live.get(), false));
        }
        return snapshots.find(surveyId).map(s -> new WaveFigures(survey.get().definition(), s, true));
    }

    /** The survey and the waves before it that have figures, oldest first. */
    Chain chain(String surveyId) {
        List<WaveFigures> newestFirst = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String missing = null;
        String next = surveyId;
        while (next != null && seen.add(next) && newestFirst.size() < LONGEST_CHAIN) {
            Optional<WaveFigures> figures = of(next);
            if (figures.isEmpty()) {
                missing = next.equals(surveyId) ? null : next;
                break;
            }
            newestFirst.add(figures.get());
            next = figures.get().definition().baseline();
        }
        List<WaveFigures> oldestFirst = new ArrayList<>(newestFirst.reversed());
        return new Chain(oldestFirst, missing);
    }
}
