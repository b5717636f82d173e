package uk.chorus.pledges;

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
import java.util.List;
import java.util.Optional;

/** Pledge campaigns: the pledge, the commitments a signer chooses from, the target share and the dates. */
@Singleton
public class Campaigns {
    private final JdbcOperations jdbc;
    private final AuditLog audit;

    Campaigns(JdbcOperations jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Commitment(long id, int position, String text) {
    }

    public record Campaign(long id, String slug, String title, String pledge, BigDecimal target, LocalDate launchOn,
                           LocalDate reviewOn, List<Commitment> commitments) {
        public int targetPercent() {
            return target.multiply(BigDecimal.valueOf(100)).intValue();
        }
    }

    @Transactional
    public Optional<Long> create(String slug, String title, String pledge, BigDecimal target, LocalDate launchOn,
                                 LocalDate reviewOn, List<String> commitments, String by) {
        Long id = jdbc.prepareStatement("INSERT INTO pledge_campaigns (slug, title, pledge, target, launch_on, review_on, "
                + "created_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (slug) DO NOTHING RETURNING id", ps -> {
            ps.setString(1, slug);
            ps.setString(2, title);
            ps.setString(3, pledge);
            ps.setBigDecimal(4, target);
            ps.setDate(5, Date.valueOf(launchOn));
            ps.setDate(6, Date.valueOf(reviewOn));
            ps.setString(7, by);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        });
        if (id == null) {
            return Optional.empty();
        }
        jdbc.prepareStatement("INSERT INTO pledge_commitments (campaign_id, position, text) VALUES (?, ?, ?)", ps -> {
            for (int i = 0; i < commitments.size(); i++) {
                ps.setLong(1, id);
                ps.setInt(2, i + 1);
                ps.setString(3, commitments.get(i));
                ps.addBatch();
            }
            return ps.executeBatch();
        });
        audit.record(by, "pledge campaign created", slug, null);
        return Optional.of(id);
    }

    @Transactional(readOnly = true)
    public List<Campaign> all() {
        return read(null, null);
    }

    @Transactional(readOnly = true)
    public Optional<Campaign> find(long id) {
        return read(id, null).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<Campaign> bySlug(String slug) {
        return read(null, slug).stream().findFirst();
    }

    private List<Campaign> read(@Nullable Long id, @Nullable String slug) {
        java.util.Map<Long, List<Commitment>> commitments = new java.util.HashMap<>();
        jdbc.prepareStatement("SELECT campaign_id, id, position, text FROM pledge_commitments ORDER BY position", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    commitments.computeIfAbsent(rs.getLong(1), c -> new ArrayList<>())
                            .add(new Commitment(rs.getLong(2), rs.getInt(3), rs.getString(4)));
                }
            }
            return null;
        });
        List<Campaign> campaigns = new ArrayList<>();
        jdbc.prepareStatement("SELECT id, slug, title, pledge, target, launch_on, review_on FROM pledge_campaigns "
                + "WHERE (?::bigint IS NULL OR id = ?) AND (?::text IS NULL OR slug = ?) ORDER BY launch_on DESC, id DESC",
                ps -> {
                    ps.setObject(1, id);
                    ps.setObject(2, id);
                    ps.setString(3, slug);
                    ps.setString(4, slug);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            campaigns.add(new Campaign(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getBigDecimal(5), rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate(),
                                    List.copyOf(commitments.getOrDefault(rs.getLong(1), List.of()))));
                        }
                    }
                    return null;
                });
        return campaigns;
    }
}
