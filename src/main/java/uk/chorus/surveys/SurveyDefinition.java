package uk.chorus.surveys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A survey exactly as its file describes it. {@code baseline} names the survey (an earlier wave)
 * whose answers this one is compared with; the first wave has none and is itself the baseline.
 * {@code retentionMonths} is how long after closing raw answers are kept; {@code forum} is the
 * forum that owns it (parent-carer-forum or youth-forum), or none for a staff team's survey.
 */
@Serdeable
public record SurveyDefinition(
        String id,
        String title,
        Audience audience,
        String introduction,
        String privacyNotice,
        LocalDate opens,
        LocalDate closes,
        int wave,
        @Nullable String baseline,
        @Nullable Integer retentionMonths,
        @Nullable String forum,
        List<Page> pages) {

    /** How long raw answers are kept after the survey closes, unless the file says otherwise. */
    public static final int DEFAULT_RETENTION_MONTHS = 24;

    /** The day after which raw answers are deleted; published aggregates stay. */
    public LocalDate deleteRawAnswersAfter() {
        return closes.plusMonths(retentionMonths == null ? DEFAULT_RETENTION_MONTHS : retentionMonths);
    }

    public Stream<Question> questions() {
        return pages.stream().flatMap(p -> p.questions().stream());
    }

    /** Plain loops: this runs several times for every answer checked, on the hottest path. */
    public Optional<Question> question(String key) {
        for (Page page : pages) {
            for (Question question : page.questions()) {
                if (question.key().equals(key)) {
                    return Optional.of(question);
                }
            }
        }
        return Optional.empty();
    }

    public List<Question> questionList() {
        List<Question> all = new ArrayList<>();
        for (Page page : pages) {
            all.addAll(page.questions());
        }
        return all;
    }
}
