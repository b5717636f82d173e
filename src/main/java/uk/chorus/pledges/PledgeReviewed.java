package uk.chorus.pledges;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import uk.chorus.changes.Change;

/** An organisation sent (or changed) its one-year-on review: its words may now be indexed again. */
public record PledgeReviewed(long organisationId) implements Change {
    public static final String KIND = "pledge-reviewed";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Nullable
    public String surveyId() {
        return null;
    }

    @Override
    @NonNull
    public Long subjectId() {
        return organisationId;
    }
}
