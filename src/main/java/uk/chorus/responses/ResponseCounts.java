package uk.chorus.responses;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Complete responses and partial ones: drafts with at least one saved answer that were never
 * submitted. Partial responses are reported apart and never counted as complete.
 */
@Serdeable
public record ResponseCounts(String surveyId, long complete, long partial) {
}
