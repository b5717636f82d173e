package uk.chorus.pledges;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.audit.AuditLog;
import uk.chorus.web.CsvWriter;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What a campaign shows beyond its dashboard: the one-year-on review report and every signature as CSV. */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/pledges", produces = MediaType.TEXT_HTML)
class CampaignReportsController {
    private final Campaigns campaigns;
    private final Circulation circulation;
    private final Tracking tracking;
    private final AuditLog audit;
    private final Messages messages;

    CampaignReportsController(Campaigns campaigns, Circulation circulation, Tracking tracking, AuditLog audit,
                              Messages messages) {
        this.campaigns = campaigns;
        this.circulation = circulation;
        this.tracking = tracking;
        this.audit = audit;
        this.messages = messages;
    }


    @Get(uri = "/{id}/review")
    MutableHttpResponse<?> review(Authentication authentication, long id) {
        Optional<Campaigns.Campaign> campaign = campaigns.find(id);
        if (campaign.isEmpty()) {
            return Pages.notFound();
        }
        List<Circulation.Organisation> organisations = circulation.of(id);
        return Pages.render("pledges/review-report", Pages.model("title", messages.get("pledges.review.report.title",
                        campaign.get().title()), "staff", Staff.of(authentication), "campaign", campaign.get(),
                "report", ReviewReport.of(campaign.get(), organisations, circulation.reviews(id), messages),
                "backUrl", "/staff/pledges/" + id));
    }

    @Get(uri = "/{id}/signatures.csv", produces = "text/csv")
    MutableHttpResponse<?> csv(Authentication authentication, long id) {
        Optional<Campaigns.Campaign> campaign = campaigns.find(id);
        if (campaign.isEmpty()) {
            return Pages.notFound();
        }
        StringWriter out = new StringWriter();
        List<Circulation.Organisation> organisations = circulation.of(id);
        Map<Long, Tracking.Step> steps = tracking.steps(organisations);
        try (CsvWriter printer = CsvWriter.to(out)) {
            printer.row("organisation", "sector", "contact_name", "contact_email", "status", "signer_name",
                    "signer_role", "signed_at", "listed");
            for (Circulation.Organisation o : organisations) {
                Circulation.Signature s = o.signature();
                printer.row(o.name(), o.sector().code(), o.contactName(), o.contactEmail(),
                        steps.get(o.id()).name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        s == null ? "" : s.signerName(), s == null ? "" : s.signerRole(),
                        s == null ? "" : s.signedAt().toString(), s == null ? "" : Boolean.toString(s.listed()));
            }
        }
        audit.record(Staff.of(authentication).email(), "pledge signatures exported", campaign.get().slug(), null);
        return HttpResponse.ok(out.toString().getBytes(StandardCharsets.UTF_8))
                .contentType(new MediaType("text/csv; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + campaign.get().slug()
                        + "-signatures.csv\"");
    }
}
