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
 * "What is new": choose a set of comments (a wave, a quarter, and optionally one group) and a
 * background (everything, or the wave or quarter before), and see the words and phrases that stand
 * out, the comments behind each, which ones no theme covers, and the untagged comments grouped.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/themes/whats-new", produces = MediaType.TEXT_HTML)
class WhatIsNewController {
    private static final int QUARTERS = 6;
    private final WhatIsNew whatIsNew;
    private final CommentSearch search;
    private final Readers readers;
    private final SmallestGroup smallestGroup;
    private final Messages messages;
    private final Clock clock;

    WhatIsNewController(WhatIsNew whatIsNew, CommentSearch search, Readers readers, SmallestGroup smallestGroup,
                        Messages messages, Clock clock) {
        this.whatIsNew = whatIsNew;
        this.search = search;
        this.readers = readers;
        this.smallestGroup = smallestGroup;
        this.messages = messages;
        this.clock = clock;
    }

    public record Choice(String value, String label, boolean selected) {
    }

    public record Shown(String label, String inSet, String inBackground, String people, String score, boolean covered,
                        String href) {
    }

    public record Group(String label, int size, String href, List<String> examples) {
    }

    @Get
    MutableHttpResponse<?> show(Authentication authentication, @Nullable @QueryValue String set,
                                @Nullable @QueryValue String group, @Nullable @QueryValue String against,
                                @Nullable @QueryValue String clusters) {
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
        boolean previous = "previous".equals(against);
        Query setQuery = setQuery(chosen, group, hidden);
        Query background = previous ? previousQuery(chosen, group, hidden) : null;
        int threshold = smallestGroup.standard();
        WhatIsNew.Found found = whatIsNew.significant(setQuery, background, threshold);
        String searchBase = searchLink(chosen, group);
        List<Shown> words = found.words().stream().map(w -> shown(w, searchBase)).toList();
        List<Shown> phrases = found.phrases().stream().map(w -> shown(w, searchBase)).toList();
        List<Group> clustered = List.of();
        boolean clustering = "yes".equals(clusters);
        if (clustering) {
            clustered = whatIsNew.untaggedGroups(setQuery, threshold).stream().map(g -> new Group(g.label(), g.ids().size(),
                    "/staff/themes/comments/" + g.ids().get(0), g.examples())).toList();
        }
        return Pages.render("themes/whats-new", Pages.model("titleKey", "themes.new.title", "staff", staff,
                "tab", "new", "sets", sets, "groups", groups, "previous", previous, "setSize", found.setSize(),
                "backgroundSize", found.backgroundSize(), "words", words, "phrases", phrases, "clustering", clustering,
                "clusters", clustered, "smallestGroup", threshold,
                "clusterHref", "/staff/themes/whats-new?set=" + chosen + "&group=" + (group == null ? "" : group)
                        + "&against=" + (previous ? "previous" : "everything") + "&clusters=yes",
                "againstChoices", List.of(new Choice("everything", messages.get("themes.new.against.everything"), !previous),
                        new Choice("previous", messages.get("themes.new.against.previous"), previous))));
    }

    private Shown shown(WhatIsNew.Significant significant, String searchBase) {
        return new Shown(significant.label(), count(significant.inSet()), count(significant.inBackground()),
                count(significant.people()), String.format(java.util.Locale.UK, "%.2f", significant.score()),
                significant.covered(), searchBase + "&q=" + java.net.URLEncoder.encode(significant.search(),
                java.nio.charset.StandardCharsets.UTF_8));
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

    /** The wave or quarter before the chosen one, with the same group. */
    private static Query previousQuery(String set, @Nullable String group, Set<String> hidden) {
        if (set.startsWith("wave:")) {
            try {
                return setQuery("wave:" + (Integer.parseInt(set.substring(5)) - 1), group, hidden);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        LocalDate start = parseQuarter(set.substring(set.indexOf(':') + 1)).minusMonths(3);
        return setQuery("quarter:" + quarter(start), group, hidden);
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

    private static String count(long n) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.UK).format(n);
    }
}
