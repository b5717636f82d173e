package uk.chorus.responses;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/** A respondent's saved progress through one survey version. */
record Draft(long id, String resumeCode, String surveyId, long surveyVersionId, Map<String, Object> answers,
             int furthestPage, @Nullable String reference) {

    boolean submitted() {
        return reference != null;
    }
}
