package uk.chorus.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Everything a "you said, we did" report shows, worked out once: the builder previews it, and
 * publishing stores it as JSON, so a published version is exactly what was approved and never
 * changes, whatever happens to the data behind it later. The page, the plain-text version, the
 * PDF, the CSV and the API are all made from this.
 *
 * @param people  everyone who wrote anything in the sources and period, null when below the threshold
 */
@Serdeable
public record ReportContent(String slug, String title, String period, List<String> sources, @Nullable Long people,
                            String peopleText, int smallestGroup, List<ThemeSection> themes, List<String> notActedOn,
                            @Nullable List<SignOff> agreedBy) {

    public ReportContent(String slug, String title, String period, List<String> sources, @Nullable Long people,
                         String peopleText, int smallestGroup, List<ThemeSection> themes, List<String> notActedOn) {
        this(slug, title, period, sources, people, peopleText, smallestGroup, themes, notActedOn, null);
    }

    /** The same content, as agreed by the forums named. */
    public ReportContent agreed(List<SignOff> forums) {
        return new ReportContent(slug, title, period, sources, people, peopleText, smallestGroup, themes, notActedOn,
                List.copyOf(forums));
    }

    /** A forum that agreed the report before it was published, and the day it agreed. */
    @Serdeable
    public record SignOff(String forum, String agreedOn) {
    }

    /**
     * One theme: how many people raised it (null and "[c]" when fewer than the threshold), the lead's
     * words, approved quotes, the actions taken and the measures that show whether they worked.
     */
    @Serdeable
    public record ThemeSection(int rank, String themeId, String name, String youSaid, @Nullable Long people,
                               String peopleText, String shareText, List<QuoteEntry> quotes, List<ActionEntry> actions,
                               List<MeasureEntry> measures) {
        public boolean actedOn() {
            return !actions.isEmpty();
        }
    }

    @Serdeable
    public record QuoteEntry(String text, @Nullable String attribution) {
    }

    @Serdeable
    public record ActionEntry(String title, @Nullable String details, @Nullable String service, @Nullable String owner,
                              @Nullable String due, String status, String statusLabel, @Nullable String reason,
                              @Nullable String started) {
    }

    /** A measure's figure per wave or period, and what changed between the first and the latest. */
    @Serdeable
    public record MeasureEntry(String name, String kind, List<Point> points, @Nullable String baseline,
                               @Nullable String latest, @Nullable String change, @Nullable String target,
                               String verdict, @Nullable String tone) {
    }

    @Serdeable
    public record Point(String period, String value) {
    }
}
