package uk.chorus.results;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.web.Dates;
import uk.chorus.web.Messages;
import uk.chorus.web.SiteConfiguration;

import java.time.Clock;
import java.time.LocalDate;

/**
 * A chart as a downloaded file and the words that travel with it: its title, its base, what [c]
 * means when anything is withheld, and a source line naming the survey, the area, the date and
 * whether the figures are fit to publish.
 */
@Singleton
class ChartFiles {
    static final String SVG = "image/svg+xml";
    static final String PNG = "image/png";

    private final Messages messages;
    private final SiteConfiguration site;
    private final Clock clock;

    ChartFiles(Messages messages, SiteConfiguration site, Clock clock) {
        this.messages = messages;
        this.site = site;
        this.clock = clock;
    }

    MutableHttpResponse<?> download(Object chart, ChartPictures.Caption caption, String name, boolean png) {
        Object body = png ? ChartPictures.png(chart, caption) : ChartPictures.svg(chart, caption);
        return HttpResponse.ok(body).contentType(png ? PNG : SVG + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + (png ? ".png" : ".svg") + "\"")
                .header("Cache-Control", "no-store");
    }

    ChartPictures.Caption questionCaption(SurveyDefinition survey, SurveyResults figures, QuestionResult question) {
        QuestionResult.Row all = question.rows().get(0);
        String base = messages.get(question.grouped() ? "results.chart.file.base.groups" : "results.chart.file.base",
                all.baseText());
        String title = figures.byLabel() == null ? question.text()
                : messages.get("results.chart.file.title.by", question.text(), figures.byLabel());
        if (figures.onlyLabel() != null) {
            title = title + " (" + figures.onlyLabel() + ")";
        }
        return caption(survey, title, base, question.anySuppressed(), figures);
    }

    ChartPictures.Caption trendCaption(SurveyDefinition survey, SurveyResults figures,
                                       Comparisons.QuestionComparison compared) {
        String base = messages.get("results.chart.file.base.waves", String.join(", ", figures.oneYearOn().waves()));
        boolean withheld = compared.trend().points().stream().anyMatch(p -> Figures.SUPPRESSED.equals(p.label()));
        return caption(survey, compared.text() + ": " + compared.headline().inSentence(), base, withheld, figures);
    }

    ChartPictures.Caption crossCaption(SurveyDefinition survey, CrossTables.Cross cross, boolean published,
                                       int smallestGroup) {
        String title = messages.get("results.chart.file.title.by", cross.columnText(), cross.rowText())
                + (cross.onlyLabel() == null ? "" : " (" + cross.onlyLabel() + ")");
        String base = messages.get("results.chart.file.base.groups", cross.rows().get(0).total());
        return new ChartPictures.Caption(title, base, note(cross.anyWithheld(), smallestGroup), source(survey, published));
    }

    private ChartPictures.Caption caption(SurveyDefinition survey, String title, String base, boolean withheld,
                                          SurveyResults figures) {
        return new ChartPictures.Caption(title, base, note(withheld, figures.smallestGroup()), source(survey, figures.suppressed()));
    }

    private String note(boolean withheld, int smallestGroup) {
        return withheld ? messages.get("results.note.c", smallestGroup) : "";
    }

    private String source(SurveyDefinition survey, boolean published) {
        return messages.get("results.chart.file.source", survey.title(), site.getAreaName(),
                Dates.longForm(LocalDate.now(clock)), messages.get(published ? "results.chart.file.published"
                        : "results.chart.file.live"));
    }
}
