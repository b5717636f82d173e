package uk.chorus.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.audit.AuditLog;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures: a survey question tracked wave by wave (its figures come from the results), or a
 * performance indicator whose value per period a lead enters ("% of EHCPs issued within 20
 * weeks"), each with the direction that counts as better and an optional target.
 */
@Singleton
public class MeasureStore {
    private final JdbcOperations jdbc;
    private final AuditLog audit;

    MeasureStore(JdbcOperations jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Reading(String period, LocalDate periodEnd, BigDecimal value) {
    }

    public record Measure(long id, String name, boolean question, @Nullable String surveyId, @Nullable String questionKey,
                          @Nullable String unit, boolean higherIsBetter, @Nullable BigDecimal target,
                          List<Reading> readings) {
    }

    @Transactional
    public long create(String name, @Nullable String surveyId, @Nullable String questionKey, @Nullable String unit,
                       boolean higherIsBetter, @Nullable BigDecimal target, String by) {
        long id = jdbc.prepareStatement("INSERT INTO measures (name, kind, survey_id, question_key, unit, higher_is_better, "
                + "target, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", ps -> {
            ps.setString(1, name);
            ps.setString(2, surveyId == null ? "indicator" : "question");
            ps.setString(3, surveyId);
            ps.setString(4, questionKey);
            ps.setString(5, unit);
            ps.setBoolean(6, higherIsBetter);
            ps.setBigDecimal(7, target);
            ps.setString(8, by);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        audit.record(by, "measure added", Long.toString(id), name);
        return id;
    }

    /** Records (or corrects) an indicator's value for a period. */
    @Transactional
    public void record(long measureId, String period, LocalDate periodEnd, BigDecimal value, String by) {
        jdbc.prepareStatement("INSERT INTO measure_values (measure_id, period, period_end, value) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (measure_id, period) DO UPDATE SET period_end = excluded.period_end, value = excluded.value",
                ps -> {
                    ps.setLong(1, measureId);
                    ps.setString(2, period);
                    ps.setDate(3, Date.valueOf(periodEnd));
                    ps.setBigDecimal(4, value);
                    return ps.executeUpdate();
                });
        audit.record(by, "measure value recorded", Long.toString(measureId), period);
    }

    @Transactional(readOnly = true)
    public List<Measure> all() {
        return read(null);
    }

    @Transactional(readOnly = true)
    public Optional<Measure> find(long id) {
        return read(id).stream().findFirst();
    }

    private List<Measure> read(@Nullable Long only) {
        Map<Long, List<Reading>> readings = new LinkedHashMap<>();
        jdbc.prepareStatement("SELECT measure_id, period, period_end, value FROM measure_values "
                + "WHERE (?::bigint IS NULL OR measure_id = ?) ORDER BY measure_id, period_end, period", ps -> {
            ps.setObject(1, only);
            ps.setObject(2, only);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    readings.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new Reading(rs.getString(2), rs.getDate(3).toLocalDate(), rs.getBigDecimal(4)));
                }
            }
            return null;
        });
        return jdbc.prepareStatement("SELECT id, name, kind, survey_id, question_key, unit, higher_is_better, target "
                + "FROM measures WHERE (?::bigint IS NULL OR id = ?) ORDER BY lower(name), id", ps -> {
            ps.setObject(1, only);
            ps.setObject(2, only);
            List<Measure> measures = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    measures.add(new Measure(id, rs.getString(2), rs.getString(3).equals("question"), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getBigDecimal(8),
                            List.copyOf(readings.getOrDefault(id, List.of()))));
                }
            }
            return measures;
        });
    }
}
