package uk.chorus.changes;

import io.micronaut.core.annotation.Nullable;

/**
 * Something that happened to data another feature may keep a copy of (the search index, cached
 * results): a past-tense record, written to the change log in the transaction that made it and
 * published to listeners in this instance once that transaction has committed. It names what
 * changed, never the content: whoever follows reads the current state, so an erased answer is
 * never carried around in the log.
 */
public interface Change {
    /** A stable name for the kind of change, stored in the log (for example "response-submitted"). */
    String kind();

    /** The survey the change belongs to, when it belongs to one. */
    @Nullable
    String surveyId();

    /** The row that changed (a response id, a feedback item id), when it is one row. */
    @Nullable
    Long subjectId();
}
