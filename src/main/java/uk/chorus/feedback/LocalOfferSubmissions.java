package uk.chorus.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Stores a Local Offer comment and, when the person asked for a reply, the address to reply to,
 * in one transaction: both are kept, or neither.
 */
@Singleton
class LocalOfferSubmissions {
    private final FeedbackRecords records;
    private final ReplyAddresses addresses;

    LocalOfferSubmissions(FeedbackRecords records, ReplyAddresses addresses) {
        this.records = records;
        this.addresses = addresses;
    }

    @Transactional
    FeedbackRecords.Stored store(NewFeedback item, @Nullable String replyTo) {
        FeedbackRecords.Stored stored = records.store(item);
        // A reply needs words to reply to; a bare "yes" or "no" keeps no address.
        if (replyTo != null && !replyTo.isEmpty() && item.text() != null) {
            addresses.leave(stored.id(), replyTo);
        }
        return stored;
    }
}
