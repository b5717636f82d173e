package uk.chorus.pledges;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.audit.AuditLog;
import uk.chorus.changes.ChangeLog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The circulation list of a campaign and what happened to each organisation on it: added (from a
 * file or by a lead), opened its link, signed (once, however often it signs), withdrew; and those
 * that asked to join from the public page, pending until a lead approves them. Also one-year-on
 * reviews.
 */
@Singleton
public class Circulation {
    private final JdbcOperations jdbc;
    private final AuditLog audit;
    private final ChangeLog changes;

    Circulation(JdbcOperations jdbc, AuditLog audit, ChangeLog changes) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.changes = changes;
    }

    public record NewOrganisation(String name, Sector sector, @Nullable String contactName, @Nullable String contactEmail) {
    }

    public record Signature(String signerName, String signerRole, List<Long> commitments, @Nullable String own,
                            boolean listed, Instant signedAt, @Nullable Instant withdrawnAt) {
        public boolean standing() {
            return withdrawnAt == null;
        }
    }

    public record Organisation(long id, long campaignId, UUID linkId, String name, Sector sector,
                               @Nullable String contactName, @Nullable String contactEmail, boolean circulated,
                               String moderation, @Nullable Instant openedAt, @Nullable Signature signature) {
        public boolean signed() {
            return signature != null && signature.standing();
        }
    }

    /** Adds organisations to the circulation list; those already on it (same name or email) are skipped. */
    @Transactional
    public int add(long campaignId, List<NewOrganisation> organisations, String by) {
        int added = 0;
        for (NewOrganisation organisation : organisations) {
            added += insert(campaignId, organisation, true, "none", by) != null ? 1 : 0;
        }
        audit.record(by, "pledge organisations added", Long.toString(campaignId), Integer.toString(added));
        return added;
    }

    /** An organisation asking to join from the public page: pending until a lead approves it. */
    @Transactional
    public Optional<Long> requestToJoin(long campaignId, NewOrganisation organisation) {
        return Optional.ofNullable(insert(campaignId, organisation, false, "pending", "public sign-up"));
    }

    private @Nullable Long insert(long campaignId, NewOrganisation organisation, boolean circulated, String moderation,
                                  String by) {
        return jdbc.prepareStatement("INSERT INTO pledge_organisations (campaign_id, link_id, name, sector, contact_name, "
                + "contact_email, circulated, moderation, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING RETURNING id", ps -> {
            ps.setLong(1, campaignId);
            ps.setObject(2, UUID.randomUUID());
            ps.setString(3, organisation.name());
            ps.setString(4, organisation.sector().code());
            ps.setString(5, organisation.contactName());
            ps.setString(6, organisation.contactEmail());
            ps.setBoolean(7, circulated);
            ps.setString(8, moderation);
            ps.setString(9, by);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        });
    }

    /** A lead's decision on a request to join: approved organisations count as circulated. */
    @Transactional
    public boolean moderate(long campaignId, long organisationId, boolean approve, String by) {
        int changed = jdbc.prepareStatement("UPDATE pledge_organisations SET moderation = ?, circulated = ? "
                + "WHERE id = ? AND campaign_id = ? AND moderation = 'pending'", ps -> {
            ps.setString(1, approve ? "approved" : "rejected");
            ps.setBoolean(2, approve);
            ps.setLong(3, organisationId);
            ps.setLong(4, campaignId);
            return ps.executeUpdate();
        });
        if (changed > 0) {
            audit.record(by, approve ? "pledge sign-up approved" : "pledge sign-up rejected", Long.toString(organisationId),
                    null);
        }
        return changed > 0;
    }

    @Transactional(readOnly = true)
    public List<Organisation> of(long campaignId) {
        return read("o.campaign_id = ?", campaignId);
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> byLink(UUID linkId) {
        return read("o.link_id = ?", linkId).stream().findFirst();
    }

    @Transactional
    public void opened(long organisationId) {
        jdbc.prepareStatement("UPDATE pledge_organisations SET opened_at = now() WHERE id = ? AND opened_at IS NULL", ps -> {
            ps.setLong(1, organisationId);
            return ps.executeUpdate();
        });
    }

    /**
     * Signs for an organisation; signing again (or on another device) changes the one signature,
     * and signing after withdrawing signs again.
     */
    @Transactional
    public void sign(long organisationId, String signerName, String signerRole, List<Long> commitments,
                     @Nullable String own, boolean listed) {
        sign(organisationId, signerName, signerRole, commitments, own, listed, null);
    }

    /** As above, for a signature given earlier (on paper, or in the demo), dated {@code at}. */
    @Transactional
    public void sign(long organisationId, String signerName, String signerRole, List<Long> commitments,
                     @Nullable String own, boolean listed, @Nullable Instant at) {
        jdbc.prepareStatement("INSERT INTO pledge_signatures (organisation_id, signer_name, signer_role, commitments, "
                + "own_commitment, listed, signed_at) VALUES (?, ?, ?, ?, ?, ?, coalesce(?, now())) "
                + "ON CONFLICT (organisation_id) DO UPDATE SET "
                + "signer_name = excluded.signer_name, signer_role = excluded.signer_role, "
                + "commitments = excluded.commitments, own_commitment = excluded.own_commitment, "
                + "listed = excluded.listed, signed_at = CASE WHEN pledge_signatures.withdrawn_at IS NULL "
                + "THEN pledge_signatures.signed_at ELSE now() END, withdrawn_at = NULL", ps -> {
            ps.setLong(1, organisationId);
            ps.setString(2, signerName);
            ps.setString(3, signerRole);
            ps.setArray(4, ps.getConnection().createArrayOf("bigint", commitments.toArray()));
            ps.setString(5, own);
            ps.setBoolean(6, listed);
            ps.setTimestamp(7, at == null ? null : java.sql.Timestamp.from(at));
            return ps.executeUpdate();
        });
    }

    @Transactional
    public boolean withdraw(long organisationId) {
        return jdbc.prepareStatement("UPDATE pledge_signatures SET withdrawn_at = now() WHERE organisation_id = ? "
                + "AND withdrawn_at IS NULL", ps -> {
            ps.setLong(1, organisationId);
            return ps.executeUpdate();
        }) > 0;
    }

    /** Standing signatures of circulated organisations by the day they signed, for the chart over time. */
    @Transactional(readOnly = true)
    public Map<LocalDate, Long> signedByDay(long campaignId) {
        Map<LocalDate, Long> byDay = new LinkedHashMap<>();
        jdbc.prepareStatement("SELECT (s.signed_at AT TIME ZONE 'Europe/London')::date, count(*) FROM pledge_signatures s "
                + "JOIN pledge_organisations o ON o.id = s.organisation_id WHERE o.campaign_id = ? AND o.circulated "
                + "AND s.withdrawn_at IS NULL GROUP BY 1 ORDER BY 1", ps -> {
            ps.setLong(1, campaignId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byDay.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
                }
            }
            return null;
        });
        return byDay;
    }

    /** Replaces an organisation's one-year-on review: evidence per commitment (null for its own). */
    @Transactional
    public void review(long organisationId, Map<Long, String[]> evidence, @Nullable String[] own) {
        jdbc.prepareStatement("DELETE FROM pledge_reviews WHERE organisation_id = ?", ps -> {
            ps.setLong(1, organisationId);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO pledge_reviews (organisation_id, commitment_id, evidence, link) "
                + "VALUES (?, ?, ?, ?)", ps -> {
            for (Map.Entry<Long, String[]> entry : evidence.entrySet()) {
                ps.setLong(1, organisationId);
                ps.setLong(2, entry.getKey());
                ps.setString(3, entry.getValue()[0]);
                ps.setString(4, entry.getValue()[1]);
                ps.addBatch();
            }
            if (own != null) {
                ps.setLong(1, organisationId);
                ps.setNull(2, java.sql.Types.BIGINT);
                ps.setString(3, own[0]);
                ps.setString(4, own[1]);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
        // In the same transaction: the themes index hears of it, and catches up after a crash.
        changes.record(new PledgeReviewed(organisationId));
    }

    public record Review(long organisationId, @Nullable Long commitmentId, String evidence, @Nullable String link) {
    }

    @Transactional(readOnly = true)
    public List<Review> reviews(long campaignId) {
        return jdbc.prepareStatement("SELECT r.organisation_id, r.commitment_id, r.evidence, r.link FROM pledge_reviews r "
                + "JOIN pledge_organisations o ON o.id = r.organisation_id WHERE o.campaign_id = ? ORDER BY r.id", ps -> {
            ps.setLong(1, campaignId);
            List<Review> reviews = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long commitment = rs.getLong(2);
                    reviews.add(new Review(rs.getLong(1), rs.wasNull() ? null : commitment, rs.getString(3),
                            rs.getString(4)));
                }
            }
            return reviews;
        });
    }

    private List<Organisation> read(String where, Object value) {
        return jdbc.prepareStatement("SELECT o.id, o.campaign_id, o.link_id, o.name, o.sector, o.contact_name, "
                + "o.contact_email, o.circulated, o.moderation, o.opened_at, s.signer_name, s.signer_role, s.commitments, "
                + "s.own_commitment, s.listed, s.signed_at, s.withdrawn_at FROM pledge_organisations o "
                + "LEFT JOIN pledge_signatures s ON s.organisation_id = o.id WHERE " + where + " ORDER BY lower(o.name)",
                ps -> {
                    ps.setObject(1, value);
                    List<Organisation> organisations = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            organisations.add(organisation(rs));
                        }
                    }
                    return organisations;
                });
    }

    private static Organisation organisation(ResultSet rs) throws SQLException {
        Signature signature = null;
        if (rs.getString(11) != null) {
            java.sql.Timestamp withdrawn = rs.getTimestamp(17);
            signature = new Signature(rs.getString(11), rs.getString(12), List.of((Long[]) rs.getArray(13).getArray()),
                    rs.getString(14), rs.getBoolean(15), rs.getTimestamp(16).toInstant(),
                    withdrawn == null ? null : withdrawn.toInstant());
        }
        java.sql.Timestamp opened = rs.getTimestamp(10);
        return new Organisation(rs.getLong(1), rs.getLong(2), rs.getObject(3, UUID.class), rs.getString(4),
                Sector.fromText(rs.getString(5)).orElse(Sector.OTHER), rs.getString(6), rs.getString(7), rs.getBoolean(8),
                rs.getString(9), opened == null ? null : opened.toInstant(), signature);
    }

    /** A review's words as the themes index holds them: which organisation, which commitment (null for its own). */
    public record ReviewText(long organisationId, @Nullable Long commitmentId, String organisation, String sector,
                             String text, LocalDate submittedOn) {
    }

    @Transactional(readOnly = true)
    public List<ReviewText> reviewTexts(long organisationId) {
        return reviewTexts("o.id = ?", organisationId);
    }

    @Transactional(readOnly = true)
    public List<ReviewText> allReviewTexts() {
        return reviewTexts("?::bigint IS NULL", null);
    }

    private List<ReviewText> reviewTexts(String where, @Nullable Long value) {
        return jdbc.prepareStatement("SELECT o.id, r.commitment_id, o.name, o.sector, r.evidence, "
                + "(r.submitted_at AT TIME ZONE 'Europe/London')::date FROM pledge_reviews r "
                + "JOIN pledge_organisations o ON o.id = r.organisation_id WHERE " + where + " ORDER BY r.id", ps -> {
            ps.setObject(1, value);
            List<ReviewText> texts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long commitment = rs.getLong(2);
                    texts.add(new ReviewText(rs.getLong(1), rs.wasNull() ? null : commitment, rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate()));
                }
            }
            return texts;
        });
    }
}
