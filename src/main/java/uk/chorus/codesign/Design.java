package uk.chorus.codesign;

import io.micronaut.core.annotation.Nullable;
import uk.chorus.surveys.SurveyDefinition;

import java.time.Instant;

/** One version of a survey as a forum designs it. */
public record Design(long id, String surveyId, int version, DesignStatus status, SurveyDefinition definition,
                     String createdBy, Instant createdAt, Instant updatedAt, @Nullable Long publishedVersionId) {

    public String path() {
        return "/staff/codesign/designs/" + surveyId + "/" + version;
    }
}
