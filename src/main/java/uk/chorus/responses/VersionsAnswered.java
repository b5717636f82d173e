package uk.chorus.responses;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import uk.chorus.surveys.VersionsInUse;

/** Tells the surveys feature whether a stored version has drafts or responses attached. */
@Singleton
@Connectable
class VersionsAnswered implements VersionsInUse {
    private final JdbcOperations jdbc;

    VersionsAnswered(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean hasAnswers(long versionId) {
        return jdbc.prepareStatement("SELECT EXISTS (SELECT 1 FROM drafts WHERE survey_version_id = ?) "
                + "OR EXISTS (SELECT 1 FROM responses WHERE survey_version_id = ?)", ps -> {
            ps.setLong(1, versionId);
            ps.setLong(2, versionId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }
}
