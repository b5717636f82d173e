package uk.chorus.responses;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.changes.ChangeLog;

import java.time.Duration;

/**
 * Deletes drafts left with no answers for a day: someone opened page 1, saved it blank and never
 * came back. They hold nothing a family wrote, and would otherwise pile up until the survey closes.
 */
@Singleton
class DraftHousekeeping {
    static final Duration EMPTY_FOR = Duration.ofDays(1);
    private final Drafts drafts;
    private final ChangeLog changes;
    private final IssuedCodes issued;

    DraftHousekeeping(Drafts drafts, ChangeLog changes, IssuedCodes issued) {
        this.drafts = drafts;
        this.changes = changes;
        this.issued = issued;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "20m")
    void run() {
        deleteEmptyDrafts();
        issued.forgetOlderThan(IssuedCodes.KEPT_FOR);
    }

    @Transactional
    int deleteEmptyDrafts() {
        var gone = drafts.deleteEmptyOlderThan(EMPTY_FOR);
        changes.recordAll(gone);
        return gone.size();
    }
}
