package uk.chorus.accounts;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Which co-production leads are assigned to which survey. */
@Singleton
@Connectable
public class SurveyLeads {
    private final JdbcOperations jdbc;

    SurveyLeads(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public record Assignment(String surveyId, long accountId, String email) {
    }

    public boolean isAssigned(String surveyId, long accountId) {
        return jdbc.prepareStatement("SELECT EXISTS (SELECT 1 FROM survey_leads WHERE survey_id = ? "
                + "AND account_id = ?)", ps -> {
            ps.setString(1, surveyId);
            ps.setLong(2, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    /** The surveys a lead is assigned to. */
    public List<String> surveysOf(long accountId) {
        return jdbc.prepareStatement("SELECT survey_id FROM survey_leads WHERE account_id = ? ORDER BY survey_id",
                ps -> {
                    ps.setLong(1, accountId);
                    List<String> surveys = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            surveys.add(rs.getString(1));
                        }
                    }
                    return surveys;
                });
    }

    void assign(String surveyId, long accountId) {
        jdbc.prepareStatement("INSERT INTO survey_leads (survey_id, account_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                ps -> {
                    ps.setString(1, surveyId);
                    ps.setLong(2, accountId);
                    return ps.executeUpdate();
                });
    }

    boolean remove(String surveyId, long accountId) {
        return jdbc.prepareStatement("DELETE FROM survey_leads WHERE survey_id = ? AND account_id = ?", ps -> {
            ps.setString(1, surveyId);
            ps.setLong(2, accountId);
            return ps.executeUpdate() > 0;
        });
    }

    void removeAllFor(long accountId) {
        jdbc.prepareStatement("DELETE FROM survey_leads WHERE account_id = ?", ps -> {
            ps.setLong(1, accountId);
            return ps.executeUpdate();
        });
    }

    List<Assignment> all() {
        return jdbc.prepareStatement("SELECT l.survey_id, a.id, a.email FROM survey_leads l JOIN accounts a "
                + "ON a.id = l.account_id ORDER BY l.survey_id, a.email", ps -> {
            List<Assignment> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Assignment(rs.getString(1), rs.getLong(2), rs.getString(3)));
                }
            }
            return list;
        });
    }
}
