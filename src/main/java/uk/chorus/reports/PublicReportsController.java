package uk.chorus.reports;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.chorus.web.Dates;
import uk.chorus.web.Pages;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Published "you said, we did" reports, for anyone: a list, each report's newest version (older
 * ones stay readable, marked as superseded), and the same report as plain text, JSON, CSV of its
 * figures and PDF. A report never published is "not found".
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/reports")
class PublicReportsController {
    private final PublishedReports published;
    private final ReportFormats formats;

    PublicReportsController(PublishedReports published, ReportFormats formats) {
        this.published = published;
        this.formats = formats;
    }

    @Get(produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> list() {
        return Pages.render("reports/public-list", Pages.model("titleKey", "reports.public.title", "publicPage", true,
                "reports", published.newestOfEach().stream().map(p -> Map.of("title", p.content().title(),
                        "period", p.content().period(), "href", "/reports/" + p.content().slug(),
                        "published", Dates.longForm(p.publishedAt()))).toList()));
    }

    @Get(uri = "/{slug}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> report(String slug) {
        return page(slug, null);
    }

    @Get(uri = "/{slug}/versions/{version}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> version(String slug, int version) {
        return page(slug, version);
    }

    @Get(uri = "/{slug}/easy-read.txt", produces = MediaType.TEXT_PLAIN)
    MutableHttpResponse<?> text(String slug) {
        return published.find(slug, null).<MutableHttpResponse<?>>map(p -> HttpResponse.ok(formats.plainText(p))
                .contentType(new MediaType("text/plain; charset=utf-8"))).orElseGet(Pages::notFound);
    }

    @Get(uri = "/{slug}/figures.csv", produces = "text/csv")
    MutableHttpResponse<?> csv(String slug) {
        return published.find(slug, null).<MutableHttpResponse<?>>map(p -> HttpResponse.ok(
                        formats.figuresCsv(p).getBytes(StandardCharsets.UTF_8))
                .contentType(new MediaType("text/csv; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug + "-figures.csv\""))
                .orElseGet(Pages::notFound);
    }

    @Get(uri = "/{slug}/report.pdf", produces = "application/pdf")
    MutableHttpResponse<?> pdf(String slug) {
        return published.find(slug, null).<MutableHttpResponse<?>>map(p -> HttpResponse.ok(formats.pdf(p))
                .contentType(new MediaType("application/pdf"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + slug + ".pdf\""))
                .orElseGet(Pages::notFound);
    }

    private MutableHttpResponse<?> page(String slug, Integer version) {
        Optional<PublishedReports.Published> found = published.find(slug, version);
        if (found.isEmpty()) {
            return Pages.notFound();
        }
        PublishedReports.Published report = found.get();
        return Pages.render("reports/public", Pages.model("title", report.content().title(), "publicPage", true,
                "published", report, "content", report.content(), "when", Dates.longForm(report.publishedAt()),
                "base", "/reports/" + slug));
    }
}
