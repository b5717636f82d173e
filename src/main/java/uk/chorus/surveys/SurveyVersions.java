package uk.chorus.surveys;

import io.micronaut.cache.annotation.Cacheable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.audit.AuditLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The stored versions of each survey. A definition whose wording changed gets a new version once
 * anyone has started answering the current one; until then the current version is corrected in
 * place, so a typo fixed before launch does not leave an empty version behind.
 */
@Singleton
public class SurveyVersions {
    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final AuditLog audit;
    private final VersionsInUse inUse;
    private final SurveyAudiences audiences;
    private final java.util.Map<Long, AnswerVocabulary> vocabularies = new java.util.concurrent.ConcurrentHashMap<>();

    SurveyVersions(JdbcOperations jdbc, JsonMapper json, AuditLog audit, VersionsInUse inUse,
                   SurveyAudiences audiences) {
        this.jdbc = jdbc;
        this.audiences = audiences;
        this.json = json;
        this.audit = audit;
        this.inUse = inUse;
    }

    /** Stores the definition if its wording is new and returns the version that answers attach to. */
    @Transactional
    public LiveSurvey record(SurveyDefinition definition) {
        String document = toJson(definition);
        String hash = sha256(document);
        // Several instances may start at once; one at a time decides the version of a survey.
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))", ps -> {
            ps.setString(1, "survey:" + definition.id());
            ps.executeQuery().close();
            return null;
        });
        Optional<Stored> latest = latest(definition.id());
        if (latest.isEmpty()) {
            audiences.served(definition);
            audit.record("survey file", "survey added", definition.id(), "version 1");
            return new LiveSurvey(definition, insert(definition.id(), 1, hash, document), 1);
        }
        Stored current = latest.get();
        if (current.hash().equals(hash)) {
            return new LiveSurvey(definition, current.id(), current.version());
        }
        // New wording may tighten who reads the answers, never loosen it.
        audiences.served(definition);
        if (inUse.hasAnswers(current.id())) {
            int next = current.version() + 1;
            audit.record("survey file", "survey changed", definition.id(), "new version " + next
                    + " (earlier answers stay with version " + current.version() + ")");
            return new LiveSurvey(definition, insert(definition.id(), next, hash, document), next);
        }
        audit.record("survey file", "survey changed", definition.id(), "version " + current.version()
                + " corrected before any answers");
        jdbc.prepareStatement("UPDATE survey_versions SET content_hash = ?, definition = CAST(? AS jsonb), "
                + "loaded_at = now() WHERE id = ?", ps -> {
            ps.setString(1, hash);
            ps.setString(2, document);
            ps.setLong(3, current.id());
            return ps.executeUpdate();
        });
        return new LiveSurvey(definition, current.id(), current.version());
    }

    /** The newest stored version of a survey, used when its file is broken so the survey stays up. */
    @Transactional
    public Optional<LiveSurvey> newest(String surveyId) {
        return latest(surveyId).map(s -> new LiveSurvey(fromJson(s.document()), s.id(), s.version()));
    }

    /**
     * The newest stored version of every survey that has ever been stored, file or no file: the
     * privacy duties (retention, erasure, subject access) are driven from here, so removing a
     * survey's file never keeps its answers for ever.
     */
    @Transactional
    public java.util.List<LiveSurvey> newestOfEach() {
        return jdbc.prepareStatement("SELECT DISTINCT ON (survey_id) id, version, definition::text FROM survey_versions "
                + "ORDER BY survey_id, version DESC", ps -> {
            java.util.List<LiveSurvey> surveys = new java.util.ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    surveys.add(new LiveSurvey(fromJson(rs.getString(3)), rs.getLong(1), rs.getInt(2)));
                }
            }
            return surveys;
        });
    }

    /** A stamp that changes whenever any instance stores or corrects a version: for catalogues to notice. */
    @Transactional
    public String stamp() {
        return jdbc.prepareStatement("SELECT count(*) || ':' || coalesce(max(id), 0) || ':' "
                + "|| coalesce(extract(epoch FROM max(loaded_at))::text, '') FROM survey_versions", ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    /** How a version's answers are numbered (fixed once anyone has answered it, so kept once made). */
    public AnswerVocabulary vocabulary(long versionId) {
        return vocabularies.computeIfAbsent(versionId, id -> AnswerVocabulary.of(definition(id).orElseThrow()));
    }

    /** The same for a survey being served, without a database read (the API answers on the event loop). */
    public AnswerVocabulary vocabulary(LiveSurvey survey) {
        return vocabularies.computeIfAbsent(survey.versionId(), id -> AnswerVocabulary.of(survey.definition()));
    }

    /** The exact definition a draft or response was answered against. */
    @Cacheable("survey-versions")
    @Transactional
    public Optional<SurveyDefinition> definition(long versionId) {
        return jdbc.prepareStatement("SELECT definition::text FROM survey_versions WHERE id = ?", ps -> {
            ps.setLong(1, versionId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(fromJson(rs.getString(1))) : Optional.empty();
            }
        });
    }

    private Optional<Stored> latest(String surveyId) {
        return jdbc.prepareStatement("SELECT id, version, content_hash, definition::text FROM survey_versions "
                + "WHERE survey_id = ? ORDER BY version DESC LIMIT 1", ps -> {
            ps.setString(1, surveyId);
            try (var rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Stored(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                        : Optional.empty();
            }
        });
    }

    private long insert(String surveyId, int version, String hash, String document) {
        return jdbc.prepareStatement("INSERT INTO survey_versions (survey_id, version, content_hash, definition) "
                + "VALUES (?, ?, ?, CAST(? AS jsonb)) RETURNING id", ps -> {
            ps.setString(1, surveyId);
            ps.setInt(2, version);
            ps.setString(3, hash);
            ps.setString(4, document);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private String toJson(SurveyDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SurveyDefinition fromJson(String document) {
        try {
            return json.readValue(document, SurveyDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored survey version cannot be read", e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Stored(long id, int version, String hash, String document) {
    }
}
