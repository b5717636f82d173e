package uk.chorus.themes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.surveys.SmallestGroup;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "What is new": choose a set of comments (a wave or a quarter, and optionally one group) and see
 * what people are raising that no theme covers yet, grouped by meaning, each group named by the
 * phrase its comments share, with its number of people, its growth on the quarter before, a few
 * of its comments, and a link that starts a new theme from it.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/themes/whats-new", produces = MediaType.TEXT_HTML)
class WhatIsNewController {
    private static final int QUARTERS = 6;
    private final EmergingThemes emerging;
    private final CommentSearch search;
    private final Readers readers;
    private final SmallestGroup smallestGroup;
    private final Messages messages;
    private final Clock clock;

    WhatIsNewController(EmergingThemes emerging, CommentSearch search, Readers readers, SmallestGroup smallestGroup,
                        Messages messages, Clock clock) {
        this.emerging = emerging;
        this.search = search;
        this.readers = readers;
        this.smallestGroup = smallestGroup;
        this.messages = messages;
        this.clock = clock;
    }

    public record Choice(String value, String label, boolean selected) {
    }

    public record Shown(String name, String people, @Nullable String campaign, String growth, List<String> examples,
                        String searchHref, String themeHref) {
    }

    @Get
    MutableHttpResponse<?> show(Authentication authentication, @Nullable @QueryValue String set,
                                @Nullable @QueryValue String group) {
        Staff staff = Staff.of(authentication);
        Set<String> hidden = readers.hiddenFrom(staff);
        CommentSearch.Counts counts = search.counts(CommentSearch.Request.everything(hidden));
        List<Choice> sets = new ArrayList<>();
        List<String> waves = counts.facets().getOrDefault("wave", List.of()).stream().map(CommentSearch.Value::value)
                .sorted(java.util.Comparator.reverseOrder()).toList();
        String chosen = set;
        if (chosen == null || chosen.isBlank()) {
            chosen = waves.isEmpty() ? "quarter:" + quarter(LocalDate.now(clock)) : "wave:" + waves.get(0);
        }
        for (String wave : waves) {
            sets.add(new Choice("wave:" + wave, messages.get("themes.new.set.wave", wave), chosen.equals("wave:" + wave)));
        }
        LocalDate start = quarterStart(LocalDate.now(clock));
        for (int back = 0; back < QUARTERS; back++) {
            String q = quarter(start.minusMonths(3L * back));
            sets.add(new Choice("quarter:" + q, messages.get("themes.new.set.quarter", q.replace("-", " ")),
                    chosen.equals("quarter:" + q)));
        }
        List<Choice> groups = new ArrayList<>(List.of(new Choice("", messages.get("themes.new.group.everyone"),
                group == null || group.isBlank())));
        for (Map<String, String> topic : readers.topics()) {
            for (CommentSearch.Value value : counts.facets().getOrDefault(topic.get("value"), List.of())) {
                String code = topic.get("value") + ":" + value.value();
                groups.add(new Choice(code, topic.get("label") + ": " + readers.label(topic.get("value"), value.value()),
                        code.equals(group)));
            }
        }
        // Growth is measured for the chosen quarter, or for this quarter when a wave is chosen.
        LocalDate measured = chosen.startsWith("quarter:") ? parseQuarter(chosen.substring(8)) : start;
        Query setQuery = setQuery(chosen, group, hidden);
        Query earlier = setQuery("quarter:" + quarter(measured.minusMonths(3)), group, hidden);
        int threshold = smallestGroup.standard();
        String searchBase = searchLink(chosen, group);
        List<Shown> shown = emerging.groups(setQuery, earlier, measured, threshold).stream()
                .map(g -> shown(g, searchBase)).toList();
        return Pages.render("themes/whats-new", Pages.model("titleKey", "themes.new.title", "staff", staff,
                "tab", "new", "sets", sets, "groups", groups, "emerging", shown, "smallestGroup", threshold,
                "quarter", quarter(measured).replace("-", " ")));
    }

    private Shown shown(EmergingThemes.Group group, String searchBase) {
        String growth;
        if (group.lastQuarter() == 0) {
            growth = messages.get("themes.new.growth.new", group.thisQuarter());
        } else {
            long change = group.thisQuarter() - group.lastQuarter();
            growth = messages.get(change > 0 ? "themes.new.growth.up" : change < 0 ? "themes.new.growth.down"
                    : "themes.new.growth.same", group.thisQuarter(), group.lastQuarter(), Math.abs(change));
        }
        String definition = String.join(" | ", group.phrases().stream().map(p -> "\"" + p + "\"").toList());
        String name = group.name().substring(0, 1).toUpperCase(java.util.Locale.UK) + group.name().substring(1);
        String themeHref = io.micronaut.http.uri.UriBuilder.of("/staff/themes/add").queryParam("name", name)
                .queryParam("definition", definition.isEmpty() ? group.name() : definition).toString();
        String searchHref = searchBase + "&q=" + java.net.URLEncoder.encode(group.phrases().isEmpty() ? group.name()
                : "\"" + group.phrases().get(0) + "\"", java.nio.charset.StandardCharsets.UTF_8);
        return new Shown(name, messages.get(group.voices() == 1 ? "themes.new.emerging.people.one"
                : "themes.new.emerging.people.other", group.voices()),
                group.campaignPeople() == 0 ? null : messages.get("themes.new.emerging.campaign", group.campaignPeople()),
                growth, group.examples().stream().map(EmergingThemes.Comment::text).toList(), searchHref, themeHref);
    }

    private static String searchLink(String set, @Nullable String group) {
        StringBuilder link = new StringBuilder("/staff/themes/search?sort=relevance");
        if (set.startsWith("wave:")) {
            link.append("&wave=").append(set.substring(5));
        } else if (set.startsWith("quarter:")) {
            LocalDate start = parseQuarter(set.substring(8));
            link.append("&from=").append(start).append("&to=").append(start.plusMonths(3).minusDays(1));
        }
        if (group != null && group.contains(":")) {
            link.append('&').append(group, 0, group.indexOf(':')).append('=')
                    .append(java.net.URLEncoder.encode(group.substring(group.indexOf(':') + 1),
                            java.nio.charset.StandardCharsets.UTF_8));
        }
        return link.toString();
    }

    /** The chosen comments: a wave or a quarter, optionally one group, and only what this person may read. */
    private static Query setQuery(String set, @Nullable String group, Set<String> hidden) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        if (set.startsWith("wave:")) {
            query.add(new TermQuery(new Term("f.wave", set.substring(5))), BooleanClause.Occur.FILTER);
        } else if (set.startsWith("quarter:")) {
            LocalDate start = parseQuarter(set.substring(8));
            query.add(LongPoint.newRangeQuery(TextIndex.DATE, start.toEpochDay(), start.plusMonths(3).toEpochDay() - 1),
                    BooleanClause.Occur.FILTER);
        }
        addGroup(query, group);
        hidden.forEach(s -> query.add(new TermQuery(new Term(TextIndex.RESTRICTED, s)), BooleanClause.Occur.MUST_NOT));
        return query.build();
    }

    private static void addGroup(BooleanQuery.Builder query, @Nullable String group) {
        if (group != null && group.contains(":")) {
            String topic = group.substring(0, group.indexOf(':'));
            if (TextIndex.DIMENSIONS.contains(topic)) {
                query.add(new TermQuery(new Term("f." + topic, group.substring(group.indexOf(':') + 1))),
                        BooleanClause.Occur.FILTER);
            }
        }
    }

    static String quarter(LocalDate date) {
        return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
    }

    static LocalDate quarterStart(LocalDate date) {
        return LocalDate.of(date.getYear(), ((date.getMonthValue() - 1) / 3) * 3 + 1, 1);
    }

    /** "2026-Q3" as its first day; anything else as the current quarter's. */
    static LocalDate parseQuarter(String text) {
        try {
            int year = Integer.parseInt(text.substring(0, 4));
            int quarter = Integer.parseInt(text.substring(6));
            if (quarter >= 1 && quarter <= 4) {
                return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
            }
        } catch (RuntimeException e) {
            // fall through
        }
        return quarterStart(LocalDate.now());
    }

}
