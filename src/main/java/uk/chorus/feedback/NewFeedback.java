package uk.chorus.feedback;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A feedback item about to be stored, from any channel: what it is about ({@code subject}: the
 * Local Offer page or the service), when it was said, the words and/or "was this helpful?", the
 * optional about-you answers (topic file name to option code, as in surveys), who entered it (for
 * staff-entered items) and contact details when the person agreed to be contacted.
 */
public record NewFeedback(@Nullable UUID submissionId, Channel channel, @Nullable String subject, LocalDate occurredOn,
                          @Nullable Boolean helpful, @Nullable String text, Map<String, String> about,
                          @Nullable String enteredBy, @Nullable Contact contact) {

    /** How to reach someone who said they may be contacted; kept apart from the words, for leads only. */
    @io.micronaut.serde.annotation.Serdeable
    public record Contact(@Nullable String name, @Nullable String email, @Nullable String phone) {
    }
}
