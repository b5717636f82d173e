package uk.chorus.results;

import jakarta.inject.Singleton;
import uk.chorus.changes.ChangeLog;
import uk.chorus.responses.ResponseRecords;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyVersions;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each wave's columns in memory and up to date. Before every use it asks the change log what
 * has happened to the survey since the columns were built (one indexed query): new responses are
 * appended; an erasure or expiry rebuilds from scratch. So every instance, and every view after a
 * crash, shows exactly what PostgreSQL holds, without relying on an event it might have missed.
 * Partial responses change with every page saved, so they are read afresh whenever they are asked for.
 */
@Singleton
class WaveStore {
    private record Cached(Wave wave, long changeId) {
    }

    private final ResponseRecords records;
    private final SurveyVersions versions;
    private final ChangeLog changes;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    WaveStore(ResponseRecords records, SurveyVersions versions, ChangeLog changes) {
        this.records = records;
        this.versions = versions;
        this.changes = changes;
    }

    /**
     * Runs {@code reader} over the complete responses of a survey, current as of now, and the
     * change id they are current to; empty when the survey has never been stored. The reader runs
     * under the survey's lock (columns grow as responses arrive), so it must not read another survey.
     */
    <T> Optional<T> read(String surveyId, java.util.function.BiFunction<Wave, Long, T> reader) {
        Optional<SurveyDefinition> definition = newest(surveyId);
        if (definition.isEmpty()) {
            return Optional.empty();
        }
        synchronized (lock(surveyId)) {
            Cached cached = cache.get(surveyId);
            long since = cached == null ? 0 : cached.changeId();
            ChangeLog.Since changed = changes.since(surveyId, since);
            if (cached == null || changed.latestId() != since || !cached.wave().definition.equals(definition.get())) {
                Wave wave = cached != null && changed.onlySubmissions()
                        && cached.wave().definition.equals(definition.get()) ? cached.wave()
                        : fresh(surveyId, definition.get());
                records.forEachCoded(surveyId, wave.lastResponseId, wave::add);
                cached = new Cached(wave, changed.latestId());
                cache.put(surveyId, cached);
            }
            return Optional.ofNullable(reader.apply(cached.wave(), cached.changeId()));
        }
    }

    /** The newest change to any of these surveys (one indexed query): results stamped with it are current. */
    long latestChange(java.util.List<String> surveyIds) {
        return changes.latest(surveyIds);
    }

    /** Complete and partial responses together (a new set of columns each time: partials keep changing). */
    Optional<Wave> withPartials(String surveyId) {
        return newest(surveyId).map(definition -> {
            Wave wave = fresh(surveyId, definition);
            records.forEachCoded(surveyId, 0, wave::add);
            records.forEachPartial(surveyId, wave::add);
            return wave;
        });
    }

    void forget(String surveyId) {
        cache.remove(surveyId);
    }

    private Wave fresh(String surveyId, SurveyDefinition definition) {
        return new Wave(surveyId, definition, id -> versions.definition(id).orElseThrow(), versions::vocabulary);
    }

    private Optional<SurveyDefinition> newest(String surveyId) {
        return versions.newest(surveyId).map(uk.chorus.surveys.LiveSurvey::definition);
    }

    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    private Object lock(String surveyId) {
        return locks.computeIfAbsent(surveyId, k -> new Object());
    }
}
