package uk.chorus.reports;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.chorus.codesign.Agreements;
import uk.chorus.codesign.Design;
import uk.chorus.codesign.DesignStatus;
import uk.chorus.codesign.Designs;
import uk.chorus.results.PublishedReach;
import uk.chorus.surveys.Audience;
import uk.chorus.themes.ThemeSummaries;
import uk.chorus.web.Dates;
import uk.chorus.web.Messages;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The evidence pack for a period: what an inspection or the SEND board reads. Who we heard from
 * against the area's SEND population (each survey's published, disclosure-controlled figures only,
 * never live counts), what they told us (themes by how many people raised them, [c] below the
 * smallest group), what changed (commitments, where they stand and their measures), and how
 * families shaped the work (surveys the forums co-designed, reports they agreed).
 */
@Singleton
class EvidencePack {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final PublishedReach reach;
    private final ThemeSummaries summaries;
    private final ReportBuilder builder;
    private final Commitments commitments;
    private final PublishedReports reports;
    private final Designs designs;
    private final Agreements agreements;
    private final Messages messages;

    EvidencePack(PublishedReach reach, ThemeSummaries summaries, ReportBuilder builder, Commitments commitments,
                 PublishedReports reports, Designs designs, Agreements agreements, Messages messages) {
        this.reach = reach;
        this.summaries = summaries;
        this.builder = builder;
        this.commitments = commitments;
        this.reports = reports;
        this.designs = designs;
        this.agreements = agreements;
        this.messages = messages;
    }

    public record ThemeRow(String name, String people, String share) {
    }

    public record Codesigned(String title, String forum, String status, @Nullable String agreedOn, long questionsAgreed,
                             long questions) {
    }

    public record AgreedReport(String title, String period, List<String> agreements) {
    }

    public record Content(String period, String from, String to, List<PublishedReach.Survey> surveys, String peopleText,
                          List<ThemeRow> themes, List<Commitments.Commitment> commitments, List<Codesigned> codesigned,
                          List<AgreedReport> agreedReports, int smallestGroup) {
    }

    Content build(LocalDate from, LocalDate to, Set<String> hidden) {
        int threshold = builder.smallestGroup();
        List<PublishedReach.Survey> surveys = reach.openDuring(from, to);
        // What people told us: feedback, and the written answers of the surveys whose figures are published.
        List<ThemeSummaries.Scope> scopes = new ArrayList<>();
        scopes.add(ThemeSummaries.Scope.feedback(from, to));
        surveys.forEach(s -> scopes.add(ThemeSummaries.Scope.survey(s.surveyId(), from, to)));
        ThemeSummaries.Ranking ranking = summaries.rank(scopes, hidden);
        List<ThemeRow> themes = new ArrayList<>();
        for (ThemeSummaries.RankedTheme theme : ranking.themes()) {
            if (theme.people() == 0) {
                continue;
            }
            boolean small = theme.people() < threshold;
            themes.add(new ThemeRow(theme.name(), small ? "[c]" : Long.toString(theme.people()),
                    small || ranking.people() == 0 ? "[c]" : Math.round(theme.people() * 100.0 / ranking.people()) + "%"));
        }
        String peopleText = ranking.people() < threshold ? messages.get("evidence.people.few", threshold)
                : messages.get("evidence.people", ranking.people());

        List<Codesigned> codesigned = new ArrayList<>();
        for (Design design : designs.newestOfEach()) {
            if (design.status() == DesignStatus.DRAFT || design.status() == DesignStatus.IN_REVIEW) {
                continue;
            }
            LocalDate agreed = designs.history(design.id()).stream().filter(c -> c.to() == DesignStatus.AGREED)
                    .map(c -> c.at().atZone(LONDON).toLocalDate()).reduce((a, b) -> b).orElse(null);
            if (agreed != null && (agreed.isBefore(from) || agreed.isAfter(to))) {
                continue;
            }
            Agreements.Summary summary = agreements.summarise(design);
            Audience audience = design.definition().audience();
            codesigned.add(new Codesigned(design.definition().title(),
                    messages.get(audience == Audience.YOUNG_PEOPLE ? "reports.forum.youth-forum" : "reports.forum.parent-forum"),
                    messages.get("evidence.design.status." + design.status().code()),
                    agreed == null ? null : Dates.longForm(agreed), summary.agreedCount(), summary.questions().size()));
        }

        List<AgreedReport> agreedReports = new ArrayList<>();
        for (PublishedReports.Published published : reports.newestOfEach()) {
            LocalDate on = published.publishedAt().atZone(LONDON).toLocalDate();
            if (on.isBefore(from) || on.isAfter(to)) {
                continue;
            }
            List<String> agreed = published.content().agreedBy() == null ? List.of()
                    : published.content().agreedBy().stream()
                    .map(f -> messages.get("reports.public.agreed", f.forum(), f.agreedOn())).toList();
            agreedReports.add(new AgreedReport(published.content().title(), published.content().period(), agreed));
        }
        return new Content(Dates.longForm(from) + " – " + Dates.longForm(to), from.toString(), to.toString(), surveys,
                peopleText, themes, commitments.all(null), codesigned, agreedReports, threshold);
    }
}
