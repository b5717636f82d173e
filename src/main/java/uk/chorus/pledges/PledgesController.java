package uk.chorus.pledges;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.CsrfOnly;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForm;
import uk.chorus.audit.AuditLog;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lead runs a pledge campaign: invites and reminds by email, approves organisations that asked
 * to join, watches signatures against the target by sector and over time, and sends the one-year-on
 * review. Starting one is {@link CampaignFormController}; the list's import {@link CirculationImportController};
 * the review report and the signatures' CSV {@link CampaignReportsController}.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/pledges", produces = MediaType.TEXT_HTML)
class PledgesController {
    private final Campaigns campaigns;
    private final Circulation circulation;
    private final Tracking tracking;
    private final CampaignDashboard dashboard;
    private final PledgeMail mail;
    private final AuditLog audit;
    private final Messages messages;

    PledgesController(Campaigns campaigns, Circulation circulation, Tracking tracking, CampaignDashboard dashboard,
                      PledgeMail mail, AuditLog audit, Messages messages) {
        this.campaigns = campaigns;
        this.circulation = circulation;
        this.tracking = tracking;
        this.dashboard = dashboard;
        this.mail = mail;
        this.audit = audit;
        this.messages = messages;
    }

    @Get
    MutableHttpResponse<?> list(Authentication authentication) {
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Campaigns.Campaign campaign : campaigns.all()) {
            Tracking.Figures figures = tracking.figures(campaign, circulation.of(campaign.id()));
            listed.add(Map.of("campaign", campaign, "figures", figures));
        }
        return Pages.render("pledges/list", Pages.model("titleKey", "pledges.list.title", "staff",
                Staff.of(authentication), "campaigns", listed));
    }

    @Get("/{id}")
    MutableHttpResponse<?> dashboard(Authentication authentication, long id, @Nullable @QueryValue Integer invited,
                                     @Nullable @QueryValue Integer reminded, @Nullable @QueryValue Integer imported,
                                     @Nullable @QueryValue Integer reviews) {
        Optional<Campaigns.Campaign> campaign = campaigns.find(id);
        if (campaign.isEmpty()) {
            return Pages.notFound();
        }
        return Pages.render("pledges/dashboard", dashboard.model(authentication, campaign.get(),
                invited != null ? messages.count("pledges.done.invited", invited)
                        : reminded != null ? messages.count("pledges.done.reminded", reminded)
                        : imported != null ? messages.count("pledges.done.imported", imported)
                        : reviews != null ? messages.count("pledges.done.reviews", reviews) : null,
                FormErrors.none(), Map.of()));
    }

    /** Invites every circulated organisation not yet invited, or reminds every invited one that has not signed. */
    @Post(uri = "/{id}/{kind:invite|remind|review}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> send(@StaffForm CsrfOnly form, Authentication authentication, long id, String kind) {
        Optional<Campaigns.Campaign> campaign = campaigns.find(id);
        if (campaign.isEmpty()) {
            return Pages.notFound();
        }
        List<Circulation.Organisation> organisations = circulation.of(id);
        Map<Long, Tracking.Step> steps = tracking.steps(organisations);
        List<Circulation.Organisation> to = organisations.stream().filter(o -> o.circulated() && switch (kind) {
            case "invite" -> steps.get(o.id()) == Tracking.Step.NOT_INVITED;
            case "remind" -> !o.signed() && steps.get(o.id()) != Tracking.Step.NOT_INVITED
                    && steps.get(o.id()) != Tracking.Step.BOUNCED;
            default -> o.signed();
        }).toList();
        PledgeMail.Kind mailKind = switch (kind) {
            case "invite" -> PledgeMail.Kind.INVITATION;
            case "remind" -> PledgeMail.Kind.REMINDER;
            default -> PledgeMail.Kind.REVIEW;
        };
        int queued = mail.queue(mailKind, campaign.get(), to);
        audit.record(Staff.of(authentication).email(), "pledge email queued", campaign.get().slug(),
                kind + " " + queued);
        String done = switch (kind) {
            case "invite" -> "invited";
            case "remind" -> "reminded";
            default -> "reviews";
        };
        return Pages.seeOther("/staff/pledges/" + id + "?" + done + "=" + queued);
    }

    @Post(uri = "/{id}/organisations/{organisationId}/{decision:approve|reject}",
            consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> moderate(@StaffForm CsrfOnly form, Authentication authentication, long id,
                                    long organisationId, String decision) {
        circulation.moderate(id, organisationId, decision.equals("approve"), Staff.of(authentication).email());
        return Pages.seeOther("/staff/pledges/" + id + "#requests");
    }
}
