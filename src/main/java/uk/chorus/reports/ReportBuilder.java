package uk.chorus.reports;

import jakarta.inject.Singleton;
import uk.chorus.surveys.SmallestGroup;
import uk.chorus.themes.ThemeSummaries;
import uk.chorus.web.Dates;
import uk.chorus.web.Messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Puts a report together from its draft: the themes of its sources and period ranked by how many
 * people raised them, each with the lead's words (or a first draft of them, from how many people
 * wrote, never the theme's own description), the approved quotes, the actions linked to the theme
 * and those actions' measures, judged from when each action began. Counts of fewer people than
 * the smallest group are shown as [c], and so is the share worked out from them.
 */
@Singleton
public class ReportBuilder {
    public static final String FEEDBACK = "feedback";
    public static final String SURVEY = "survey:";
    public static final String PLEDGE = "pledge";
    private final ThemeSummaries summaries;
    private final ReportStore store;
    private final Actions actions;
    private final MeasureStore measures;
    private final MeasureOutcomes outcomes;
    private final SmallestGroup smallestGroup;
    private final Messages messages;
    private final Gazetteer gazetteer;
    private final QuoteChecker checker = new QuoteChecker();

    ReportBuilder(ThemeSummaries summaries, ReportStore store, Actions actions, MeasureStore measures,
                  MeasureOutcomes outcomes, SmallestGroup smallestGroup, Messages messages, Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.summaries = summaries;
        this.store = store;
        this.actions = actions;
        this.measures = measures;
        this.outcomes = outcomes;
        this.smallestGroup = smallestGroup;
        this.messages = messages;
    }

    public List<ThemeSummaries.Scope> scopes(ReportStore.Report report) {
        List<ThemeSummaries.Scope> scopes = new ArrayList<>();
        for (String source : report.sources()) {
            if (source.equals(FEEDBACK)) {
                scopes.add(ThemeSummaries.Scope.feedback(report.from(), report.to()));
            } else if (source.equals(PLEDGE)) {
                scopes.add(ThemeSummaries.Scope.pledgeReviews(report.from(), report.to()));
            } else if (source.startsWith(SURVEY)) {
                scopes.add(ThemeSummaries.Scope.survey(source.substring(SURVEY.length()), report.from(), report.to()));
            }
        }
        return scopes;
    }

    public String sourceLabel(String source) {
        return source.equals(FEEDBACK) ? messages.get("reports.source.feedback")
                : source.equals(PLEDGE) ? messages.get("reports.source.pledge")
                : summaries.surveyTitle(source.substring(SURVEY.length()));
    }

    public int smallestGroup() {
        return smallestGroup.standard();
    }

    /** The report as it would be published now; {@code hidden} are young people's surveys the builder may not read. */
    public ReportContent build(ReportStore.Report report, Set<String> hidden) {
        int threshold = smallestGroup.standard();
        ThemeSummaries.Ranking ranking = summaries.rank(scopes(report), hidden);
        Map<String, String> words = store.youSaid(report.id());
        Map<String, List<ReportContent.QuoteEntry>> quotes = new LinkedHashMap<>();
        store.quotes(report.id()).forEach(q -> quotes.computeIfAbsent(q.themeId(), t -> new ArrayList<>())
                .add(new ReportContent.QuoteEntry(q.quote(), q.attribution())));
        Map<Long, MeasureStore.Measure> measureById = new LinkedHashMap<>();
        measures.all().forEach(m -> measureById.put(m.id(), m));
        List<Actions.Action> allActions = actions.all();

        List<ReportContent.ThemeSection> sections = new ArrayList<>();
        List<String> notActedOn = new ArrayList<>();
        int rank = 0;
        for (ThemeSummaries.RankedTheme theme : ranking.themes()) {
            if (theme.people() == 0) {
                continue;
            }
            rank++;
            boolean small = theme.people() < threshold;
            String share = small || ranking.people() == 0 ? "[c]"
                    : Math.round(theme.people() * 100.0 / ranking.people()) + "%";
            List<ReportContent.ActionEntry> done = new ArrayList<>();
            // Each measure is judged from the earliest day work began on one of the theme's actions it measures.
            Map<Long, java.time.LocalDate> began = new LinkedHashMap<>();
            for (Actions.Action action : allActions) {
                if (!action.draft().themes().contains(theme.id())) {
                    continue;
                }
                Actions.Draft d = action.draft();
                done.add(entry(d));
                for (long measureId : d.measures()) {
                    if (measureById.containsKey(measureId)) {
                        began.putIfAbsent(measureId, null);
                        java.time.LocalDate start = d.status().begun() ? d.startedOn() : null;
                        if (start != null && (began.get(measureId) == null || start.isBefore(began.get(measureId)))) {
                            began.put(measureId, start);
                        }
                    }
                }
            }
            List<ReportContent.MeasureEntry> shown = new ArrayList<>();
            began.forEach((measureId, start) -> shown.add(outcomes.of(measureById.get(measureId), start)));
            if (done.isEmpty()) {
                notActedOn.add(theme.name());
            }
            sections.add(new ReportContent.ThemeSection(rank, theme.id(), theme.name(),
                    words.getOrDefault(theme.id(), firstDraft(theme)), small ? null : theme.people(),
                    small ? "[c]" : Long.toString(theme.people()), share, quotes.getOrDefault(theme.id(), List.of()),
                    done, List.copyOf(shown)));
        }
        boolean fewPeople = ranking.people() < threshold;
        return new ReportContent(report.slug(), report.title(), messages.get("reports.period",
                Dates.longForm(report.from()), Dates.longForm(report.to())),
                report.sources().stream().map(this::sourceLabel).toList(), fewPeople ? null : ranking.people(),
                fewPeople ? "[c]" : Long.toString(ranking.people()), threshold, sections, notActedOn);
    }

    /** An action as the public reads it. */
    ReportContent.ActionEntry entry(Actions.Draft d) {
        return new ReportContent.ActionEntry(d.title(), d.details(), d.service(), d.owner(),
                d.dueOn() == null ? null : Dates.longForm(d.dueOn()), d.status().code(),
                messages.get(d.status().labelKey()), d.reason(),
                d.startedOn() == null || !d.status().begun() ? null : Dates.longForm(d.startedOn()));
    }

    /**
     * A first draft of "You said" for a theme, from how many people wrote about it (through the
     * same rule as every published count), for the lead to rewrite in the area's own words. What
     * they wrote goes in as quotes ({@link #suggestedQuotes}), which are checked, approved and
     * withdrawn if their writer's words are erased; words pasted into prose could not be.
     */
    String firstDraft(ThemeSummaries.RankedTheme theme) {
        String about = lowerFirst(theme.name());
        return theme.people() < smallestGroup.standard()
                ? messages.get("reports.you.said.draft.small", smallestGroup.standard(), about)
                : messages.get("reports.you.said.draft", theme.people(), about);
    }

    /** The first draft a section shows while the lead has written nothing of their own. */
    String firstDraft(ReportContent.ThemeSection theme) {
        String about = lowerFirst(theme.name());
        return theme.people() == null ? messages.get("reports.you.said.draft.small", smallestGroup.standard(), about)
                : messages.get("reports.you.said.draft", theme.people(), about);
    }

    /** A suggested quote: a typical comment that passed the quote check as it is, and where it came from. */
    public record Suggested(String themeId, String textId, String text, String source) {
    }

    /**
     * The comments that say most typically what a theme's comments say and pass the quote check
     * untouched (nothing found that could identify anyone), short enough to quote; none for a
     * theme raised by fewer people than the smallest group, whose words could point at them.
     */
    public List<Suggested> suggestedQuotes(ReportStore.Report report, ReportContent.ThemeSection theme, int wanted,
                                           Set<String> hidden) {
        if (theme.people() == null) {
            return List.of();
        }
        List<QuoteChecker.Entry> places = gazetteer.all();
        List<Suggested> suggested = new ArrayList<>();
        for (ThemeSummaries.Candidate candidate : summaries.typical(scopes(report), theme.themeId(), wanted * 3, hidden)) {
            boolean familyWords = candidate.textId().startsWith("r:") || candidate.textId().startsWith("f:");
            String text = QuoteText.visible(candidate.text()).strip();
            if (suggested.size() < wanted && familyWords && text.length() <= 400 && checker.check(text, places).clean()
                    && QuoteSource.check(candidate.text(), text).faithful()) {
                suggested.add(new Suggested(theme.themeId(), candidate.textId(), text, candidate.source()));
            }
        }
        return suggested;
    }

    private static String lowerFirst(String text) {
        String stripped = text.strip().replaceAll("\\.$", "");
        // "EHCP assessments" keeps its capitals; "Short breaks" reads as "short breaks" mid-sentence.
        if (stripped.length() < 2 || Character.isUpperCase(stripped.charAt(1))) {
            return stripped;
        }
        return stripped.substring(0, 1).toLowerCase(Locale.ROOT) + stripped.substring(1);
    }
}
