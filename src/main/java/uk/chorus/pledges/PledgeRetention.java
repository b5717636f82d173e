package uk.chorus.pledges;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.time.LocalDate;

/**
 * How long the pledge keeps the people it writes to: an organisation's contact name and email are
 * cleared CHORUS_PLEDGE_CONTACT_MONTHS (12 by default) after its campaign's review date, when the
 * campaign has no more mail to send; a rejected request to join keeps them one month, long enough
 * to answer a question about the refusal. The organisation, its signature and its review stay:
 * they are the area's record of who signed and what they did.
 */
@Singleton
public class PledgeRetention {
    private final JdbcOperations jdbc;
    private final int months;

    PledgeRetention(JdbcOperations jdbc, @Value("${chorus.pledges.contact-retention-months:12}") int months) {
        if (months < 0) {
            throw new IllegalArgumentException("CHORUS_PLEDGE_CONTACT_MONTHS must be 0 or more, not " + months);
        }
        this.jdbc = jdbc;
        this.months = months;
    }

    public int months() {
        return months;
    }

    /** Clears every contact past its time; returns how many organisations lost theirs. */
    @Transactional
    public int clearContacts(LocalDate today) {
        return jdbc.prepareStatement("UPDATE pledge_organisations o SET contact_name = NULL, contact_email = NULL "
                + "FROM pledge_campaigns c WHERE c.id = o.campaign_id "
                + "AND (o.contact_name IS NOT NULL OR o.contact_email IS NOT NULL) "
                + "AND (c.review_on < ? OR (o.moderation = 'rejected' AND o.added_at < ?))", ps -> {
            ps.setDate(1, Date.valueOf(today.minusMonths(months)));
            ps.setDate(2, Date.valueOf(today.minusMonths(1)));
            return ps.executeUpdate();
        });
    }
}
