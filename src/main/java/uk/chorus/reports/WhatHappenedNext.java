package uk.chorus.reports;

import jakarta.inject.Singleton;
import uk.chorus.feedback.FeedbackRecords;
import uk.chorus.responses.ResponseRecords;
import uk.chorus.themes.CommentSearch;
import uk.chorus.themes.ThemeStore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a family's own survey answers or feedback fed into, found by the reference they were
 * given, with no account: the themes their words were counted under, the commitments made about
 * those themes (or about their comment itself) and the published reports that cover them. It
 * shows nothing that is not public already, and never anyone's words, their own included: a
 * reference seen over someone's shoulder must not show what they wrote.
 */
@Singleton
public class WhatHappenedNext {
    private static final int LONGEST = 40;
    private final ResponseRecords responses;
    private final FeedbackRecords feedback;
    private final CommentSearch search;
    private final ThemeStore themes;
    private final Actions actions;
    private final Commitments commitments;
    private final PublishedReports published;

    WhatHappenedNext(ResponseRecords responses, FeedbackRecords feedback, CommentSearch search, ThemeStore themes,
                     Actions actions, Commitments commitments, PublishedReports published) {
        this.responses = responses;
        this.feedback = feedback;
        this.search = search;
        this.themes = themes;
        this.actions = actions;
        this.commitments = commitments;
        this.published = published;
    }

    public record ReportLink(String title, String href) {
    }

    /** @param themes the themes the words were counted under, by name */
    public record Found(List<Commitments.ThemeLink> themes, List<Commitments.Commitment> commitments,
                        List<ReportLink> reports) {
        public boolean read() {
            return !themes.isEmpty();
        }
    }

    /** Empty for anything that is not a reference held now, whatever the reason, so all unknowns look alike. */
    public Optional<Found> find(String typed) {
        String reference = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
        if (reference.isEmpty() || reference.length() > LONGEST || !reference.matches("[A-Z0-9-]+")) {
            return Optional.empty();
        }
        List<String> textIds = new ArrayList<>();
        List<Long> answering;
        if (reference.startsWith("FB-")) {
            Optional<FeedbackRecords.Item> item = feedback.byReference(reference);
            if (item.isEmpty()) {
                return Optional.empty();
            }
            textIds.add("f:" + item.get().id());
            answering = actions.answering(null, item.get().id());
        } else {
            Optional<ResponseRecords.Held> held = responses.byReference(reference);
            if (held.isEmpty() || held.get().responseId() == null) {
                return Optional.empty();
            }
            long id = held.get().responseId();
            held.get().answers().keySet().forEach(key -> textIds.add("r:" + id + ":" + key));
            answering = actions.answering(id, null);
        }
        Set<String> counted = new LinkedHashSet<>();
        for (String textId : textIds) {
            // Only themes that count: a lead's "not this theme" on the comment takes it out.
            search.comment(textId, Set.of(), themes.decisionsFor(textId)).ifPresent(hit -> hit.tags().stream()
                    .filter(CommentSearch.Tag::counted).forEach(tag -> counted.add(tag.themeId())));
        }
        Map<String, String> names = commitments.themeNames();
        List<Commitments.ThemeLink> fedInto = counted.stream().filter(names::containsKey)
                .map(t -> new Commitments.ThemeLink(t, names.get(t))).toList();
        List<ReportLink> reports = published.newestOfEach().stream()
                .filter(p -> p.content().themes().stream().anyMatch(t -> counted.contains(t.themeId())))
                .map(p -> new ReportLink(p.content().title(), "/reports/" + p.content().slug())).toList();
        return Optional.of(new Found(fedInto, commitments.about(answering, counted), reports));
    }
}
