package uk.chorus.responses;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.chorus.surveys.SurveyVersions;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Responses stored before answers were also kept as codes get their codes, in the background
 * after start-up, a batch at a time. Every instance may do it; a row coded twice is coded the same.
 */
@Singleton
@Connectable
class CodedAnswersBackfill implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(CodedAnswersBackfill.class);
    private static final int BATCH = 1000;
    private final JdbcOperations jdbc;
    private final SurveyVersions versions;
    private final AnswerJson json;

    CodedAnswersBackfill(JdbcOperations jdbc, SurveyVersions versions, AnswerJson json) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.json = json;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        Thread.ofVirtual().name("coded-answers-backfill").start(() -> {
            try {
                int coded = run();
                if (coded > 0) {
                    LOG.info("Coded the answers of {} responses stored before results counted codes.", coded);
                }
            } catch (RuntimeException e) {
                LOG.warn("Coding earlier responses stopped and will resume at the next start: {}", e.getMessage());
            }
        });
    }

    int run() {
        int total = 0;
        for (int done = codeBatch(); done > 0; done = codeBatch()) {
            total += done;
        }
        return total;
    }

    private int codeBatch() {
        record Row(long id, long versionId, String answers) {
        }
        List<Row> rows = jdbc.prepareStatement("SELECT id, survey_version_id, answers::text FROM responses "
                + "WHERE codes IS NULL ORDER BY id LIMIT " + BATCH, ps -> {
            List<Row> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Row(rs.getLong(1), rs.getLong(2), rs.getString(3)));
                }
            }
            return found;
        });
        for (Row row : rows) {
            var coded = AnswerCoding.encode(versions.definition(row.versionId()).orElseThrow(),
                    versions.vocabulary(row.versionId()), json.read(row.answers()));
            jdbc.prepareStatement("UPDATE responses SET codes = ?, numbers = ? WHERE id = ? AND codes IS NULL", ps -> {
                ps.setArray(1, ps.getConnection().createArrayOf("integer", coded.boxedCodes()));
                ps.setArray(2, ps.getConnection().createArrayOf("integer", coded.boxedNumbers()));
                ps.setLong(3, row.id());
                return ps.executeUpdate();
            });
        }
        return rows.size();
    }
}
