package uk.chorus.responses;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * A respondent's saved progress through one survey version. A draft with id 0 is not stored
 * yet: a new respondent on page 1, whose row is made when that page is first saved.
 */
record Draft(long id, String resumeCode, String surveyId, long surveyVersionId, Map<String, Object> answers,
             int furthestPage, @Nullable String reference, @Nullable Rejected rejected) {

    /** What was typed on a page that needs fixing, kept to show again with its errors. */
    record Rejected(int page, Map<String, List<String>> form) {
    }

    static Draft unsaved(String code, String surveyId, long versionId) {
        return new Draft(0, code, surveyId, versionId, Map.of(), 0, null, null);
    }

    boolean saved() {
        return id > 0;
    }

    boolean submitted() {
        return reference != null;
    }
}
