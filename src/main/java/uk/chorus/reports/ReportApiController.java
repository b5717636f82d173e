package uk.chorus.reports;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import uk.chorus.web.ApiError;
import uk.chorus.web.Messages;

import java.time.Instant;
import java.util.List;

/** Published reports as JSON, for anyone: what the public pages show, nothing more. */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(value = "/api/v1/reports", produces = MediaType.APPLICATION_JSON)
class ReportApiController {
    private final PublishedReports published;
    private final Messages messages;

    ReportApiController(PublishedReports published, Messages messages) {
        this.published = published;
        this.messages = messages;
    }

    @Serdeable
    record Listed(String id, String title, String period, int version, Instant publishedAt, String href) {
    }

    @Serdeable
    record Report(String id, int version, int latestVersion, Instant publishedAt, String correction,
                  ReportContent report) {
    }

    @Get
    List<Listed> list() {
        return published.newestOfEach().stream().map(p -> new Listed(p.content().slug(), p.content().title(),
                p.content().period(), p.version(), p.publishedAt(), "/api/v1/reports/" + p.content().slug())).toList();
    }

    @Get("/{id}")
    HttpResponse<?> one(String id) {
        return published.find(id, null).<HttpResponse<?>>map(p -> HttpResponse.ok(new Report(p.content().slug(),
                        p.version(), p.latest(), p.publishedAt(), p.correction(), p.content())))
                .orElseGet(() -> HttpResponse.notFound(ApiError.of(messages.get("api.report.not.found", id))));
    }
}
