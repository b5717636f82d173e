package uk.chorus.reports;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.chorus.themes.ThemeStore;
import uk.chorus.web.Dates;
import uk.chorus.web.Messages;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Actions as the public reads them: what was committed, by which service, by when, where it
 * stands with its dated timeline, the themes it answers and whether it worked, judged only from
 * figures for periods after the work began. Never who wrote an update, nor which families'
 * comments it answers.
 */
@Singleton
public class Commitments {
    private final Actions actions;
    private final MeasureStore measures;
    private final MeasureOutcomes outcomes;
    private final ThemeStore themes;
    private final ReportBuilder builder;
    private final Messages messages;

    Commitments(Actions actions, MeasureStore measures, MeasureOutcomes outcomes, ThemeStore themes,
                ReportBuilder builder, Messages messages) {
        this.actions = actions;
        this.measures = measures;
        this.outcomes = outcomes;
        this.themes = themes;
        this.builder = builder;
        this.messages = messages;
    }

    public record Step(String on, String status, @Nullable String note) {
    }

    public record ThemeLink(String id, String name) {
    }

    public record Commitment(long id, ReportContent.ActionEntry action, List<ThemeLink> themes, List<Step> timeline,
                             List<ReportContent.MeasureEntry> measures) {
        public String anchor() {
            return "commitment-" + id;
        }
    }

    /** Every commitment, or those answering one theme, open ones first, then by due date. */
    public List<Commitment> all(@Nullable String themeId) {
        return build(actions.all().stream().filter(a -> themeId == null || a.draft().themes().contains(themeId)).toList());
    }

    /** The commitments with these ids, or answering any of these themes. */
    public List<Commitment> about(Collection<Long> ids, Collection<String> themeIds) {
        return build(actions.all().stream().filter(a -> ids.contains(a.id())
                || a.draft().themes().stream().anyMatch(themeIds::contains)).toList());
    }

    /** The themes some commitment answers, by name, for filtering. */
    public List<ThemeLink> themesAnswered() {
        List<ThemeLink> answered = new ArrayList<>();
        List<Actions.Action> all = actions.all();
        for (ThemeStore.Theme theme : themes.all()) {
            if (all.stream().anyMatch(a -> a.draft().themes().contains(theme.id()))) {
                answered.add(new ThemeLink(theme.id(), theme.name()));
            }
        }
        return answered;
    }

    public Map<String, String> themeNames() {
        Map<String, String> names = new LinkedHashMap<>();
        themes.all().forEach(t -> names.put(t.id(), t.name()));
        return names;
    }

    private List<Commitment> build(List<Actions.Action> chosen) {
        Map<Long, MeasureStore.Measure> byId = new HashMap<>();
        measures.all().forEach(m -> byId.put(m.id(), m));
        Map<Long, List<Actions.Update>> updates = actions.updates();
        Map<String, String> names = themeNames();
        List<Actions.Action> ordered = new ArrayList<>(chosen);
        ordered.sort(java.util.Comparator.comparing((Actions.Action a) -> !open(a))
                .thenComparing(a -> a.draft().dueOn(), java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparing(Actions.Action::id));
        List<Commitment> commitments = new ArrayList<>();
        for (Actions.Action action : ordered) {
            Actions.Draft d = action.draft();
            List<ThemeLink> answered = d.themes().stream().filter(names::containsKey)
                    .map(t -> new ThemeLink(t, names.get(t))).toList();
            List<Step> timeline = updates.getOrDefault(action.id(), List.of()).stream().map(u -> new Step(
                    Dates.longForm(u.on()), messages.get(u.status().labelKey()), u.note())).toList();
            List<ReportContent.MeasureEntry> shown = d.measures().stream().filter(byId::containsKey)
                    .map(m -> outcomes.of(byId.get(m), d.status().begun() ? d.startedOn() : null)).toList();
            commitments.add(new Commitment(action.id(), builder.entry(d), answered, timeline, shown));
        }
        return commitments;
    }

    private static boolean open(Actions.Action action) {
        return action.draft().status() == Actions.Status.PLANNED || action.draft().status() == Actions.Status.IN_PROGRESS;
    }
}
