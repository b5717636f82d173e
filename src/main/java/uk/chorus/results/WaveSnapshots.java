package uk.chorus.results;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * A wave's results kept as counts in result_snapshots, so a wave whose raw answers have been
 * deleted at the end of retention can still be shown and compared with. Taken just before the
 * deletion (and again whenever asked: a later snapshot of the same wave replaces the earlier).
 */
@Singleton
public class WaveSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(WaveSnapshots.class);
    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final WaveStore store;

    WaveSnapshots(JdbcOperations jdbc, JsonMapper json, WaveStore store) {
        this.jdbc = jdbc;
        this.json = json;
        this.store = store;
    }

    /** Stores the survey's results as they are now; a survey with no complete responses keeps what it had. */
    public void keep(String surveyId) {
        Optional<WaveSummary> summary = store.read(surveyId, (wave, changeId) -> wave.size == 0 ? null : WaveSummary.of(wave));
        if (summary.isEmpty()) {
            return;
        }
        String document;
        try {
            document = json.writeValueAsString(summary.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        save(surveyId, summary.get(), document);
        LOG.info("Kept the results of {} ({} responses) as a snapshot.", surveyId, summary.get().responses());
    }

    /** Counting reads in its own read-only transaction; the snapshot is written in this one. */
    @Transactional
    void save(String surveyId, WaveSummary summary, String document) {
        jdbc.prepareStatement("INSERT INTO result_snapshots (survey_id, wave, responses, summary) "
                + "VALUES (?, ?, ?, CAST(? AS jsonb)) ON CONFLICT (survey_id) DO UPDATE SET wave = excluded.wave, "
                + "responses = excluded.responses, summary = excluded.summary, taken_at = now()", ps -> {
            ps.setString(1, surveyId);
            ps.setInt(2, summary.wave());
            ps.setLong(3, summary.responses());
            ps.setString(4, document);
            return ps.executeUpdate();
        });
    }

    @Transactional(readOnly = true)
    Optional<WaveSummary> find(String surveyId) {
        String document = jdbc.prepareStatement("SELECT summary::text FROM result_snapshots WHERE survey_id = ?", ps -> {
            ps.setString(1, surveyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        if (document == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(document, WaveSummary.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
