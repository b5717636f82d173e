package uk.chorus.reports;

import jakarta.inject.Singleton;
import uk.chorus.feedback.Channel;
import uk.chorus.themes.CommentSearch;
import uk.chorus.themes.IndexedText;
import uk.chorus.themes.ThemeStore;
import uk.chorus.themes.ThemeSummaries;
import uk.chorus.web.Messages;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Any one comment a lead may read, as a quote for a report: found by search or under a theme,
 * not only among the typical ones a report suggests. Only families' and young people's words are
 * quoted (a survey answer or a feedback item, never an organisation's pledge review), and only
 * under a theme the comment is counted under, in a report whose period and sources hold it: a
 * report says what people said in its period.
 */
@Singleton
class QuotableComments {
    /** A survey answer ("r:response:question") or a feedback item ("f:item"). */
    private static final Pattern FAMILY_WORDS = Pattern.compile("r:[0-9]{1,18}:[A-Za-z0-9_.-]{1,200}|f:[0-9]{1,18}");
    private final CommentSearch search;
    private final ThemeStore themes;
    private final ThemeSummaries summaries;
    private final Messages messages;

    QuotableComments(CommentSearch search, ThemeStore themes, ThemeSummaries summaries, Messages messages) {
        this.search = search;
        this.themes = themes;
        this.summaries = summaries;
        this.messages = messages;
    }

    /**
     * @param source  the report source that holds it ("feedback" or "survey:ID")
     * @param themes  the themes it is counted under (a lead's decision wins over the tagger), by id
     */
    record Quotable(ThemeSummaries.Candidate candidate, LocalDate date, String source, Map<String, String> themes) {
        String textId() {
            return candidate.textId();
        }
    }

    /** The comment, when it is families' words this person may read; empty otherwise (erased, hidden, mistyped). */
    Optional<Quotable> find(String textId, Set<String> hidden) {
        if (textId == null || !FAMILY_WORDS.matcher(textId).matches()) {
            return Optional.empty();
        }
        return search.comment(textId, hidden, themes.decisionsFor(textId)).map(this::quotable);
    }

    /** Whether a report's period and sources hold the comment. */
    static boolean inScope(Quotable comment, ReportStore.Report report) {
        return !comment.date().isBefore(report.from()) && !comment.date().isAfter(report.to())
                && report.sources().contains(comment.source());
    }

    private Quotable quotable(CommentSearch.Hit hit) {
        Map<String, String> fields = hit.fields();
        boolean survey = IndexedText.SURVEY.equals(fields.get("source")) && fields.containsKey("survey");
        String source = survey ? ReportBuilder.SURVEY + fields.get("survey") : ReportBuilder.FEEDBACK;
        String label = survey ? summaries.surveyTitle(fields.get("survey"))
                : Channel.fromCode(fields.getOrDefault("channel", "")).map(c -> messages.get(c.labelKey()))
                .orElse(messages.get("reports.source.feedback"));
        Map<String, String> groups = new LinkedHashMap<>();
        for (String topic : List.of("ehcp", "age-band", "primary-need", "school-phase", "area")) {
            String value = fields.get(topic);
            if (value != null && !value.equals("prefer-not-to-say")) {
                groups.put(topic, value);
            }
        }
        Map<String, String> counted = new LinkedHashMap<>();
        hit.tags().stream().filter(CommentSearch.Tag::counted).forEach(t -> counted.put(t.themeId(), t.name()));
        return new Quotable(new ThemeSummaries.Candidate(hit.id(), hit.text(), groups, label), hit.date(), source, counted);
    }
}
