package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.chorus.surveys.QuestionType;

import java.util.List;
import java.util.Map;

/**
 * A wave's figures exactly as they may be shown outside a lead's own pages: every question
 * overall and by every about-you question, the responses, the quarters and each headline
 * measure per quarter, each count either published (exact, or rounded to 5) or withheld
 * ({@link #WITHHELD}). Decided once by {@link DisclosureModel} and audited as a whole; every
 * non-lead page, download and API answer is read from this and nothing else, so the same figure
 * is withheld wherever it appears. Percentages are worked out from these published counts only.
 */
@Serdeable
record PublishedWave(String surveyId, int wave, int threshold, boolean rounded, long responses,
                     Map<String, Long> quarters, Map<String, Question> questions, int withheld) {

    static final long WITHHELD = -1;

    /**
     * One question: its option codes (column order), everyone's row, each about-you question's
     * rows by group code ({@link Counting#NO_ANSWER} for those who did not say), and for a
     * headline question each quarter's [successes, base] of its measure.
     */
    @Serdeable
    record Question(QuestionType type, List<String> options, Row all, Map<String, Map<String, Row>> byGroup,
                    Map<String, long[]> quarters) {
    }

    /** One row: who answered (total), who gave a view (base), a count per option, mean and median when shown. */
    @Serdeable
    record Row(long total, long base, long[] cells, @Nullable Double mean, @Nullable Double median) {
        boolean anyWithheld() {
            if (total == WITHHELD || base == WITHHELD) {
                return true;
            }
            for (long cell : cells) {
                if (cell == WITHHELD) {
                    return true;
                }
            }
            return false;
        }
    }
}
