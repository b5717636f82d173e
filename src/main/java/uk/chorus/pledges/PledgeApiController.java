package uk.chorus.pledges;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import uk.chorus.accounts.Role;
import uk.chorus.web.ApiError;
import uk.chorus.web.Messages;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Pledge campaigns as JSON: for anyone, how far each has come (circulated, signed, target, by
 * sector); for leads with a token, each organisation's signature.
 */
@Controller(value = "/api/v1/pledges", produces = MediaType.APPLICATION_JSON)
class PledgeApiController {
    private final Campaigns campaigns;
    private final Circulation circulation;
    private final Tracking tracking;
    private final Messages messages;

    PledgeApiController(Campaigns campaigns, Circulation circulation, Tracking tracking, Messages messages) {
        this.campaigns = campaigns;
        this.circulation = circulation;
        this.tracking = tracking;
        this.messages = messages;
    }

    @Serdeable
    record CampaignJson(String id, String title, BigDecimal target, long circulated, long signed,
                        List<Tracking.SectorCount> sectors, String launch, String review) {
    }

    @Serdeable
    record SignatureJson(String organisation, String sector, String status, String signerName, String signerRole,
                         Instant signedAt, Instant withdrawnAt, List<Long> commitments, String ownCommitment,
                         boolean listed) {
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get
    List<CampaignJson> list() {
        return campaigns.all().stream().map(c -> {
            Tracking.Figures figures = tracking.figures(c, circulation.of(c.id()));
            return new CampaignJson(c.slug(), c.title(), c.target(), figures.circulated(), figures.signed(),
                    figures.sectors(), c.launchOn().toString(), c.reviewOn().toString());
        }).toList();
    }

    @Secured(Role.LEAD_NAME)
    @Get("/{id}/signatures")
    HttpResponse<?> signatures(String id) {
        var campaign = campaigns.bySlug(id);
        if (campaign.isEmpty()) {
            return HttpResponse.notFound(ApiError.of(messages.get("api.pledge.not.found", id)));
        }
        List<Circulation.Organisation> organisations = circulation.of(campaign.get().id());
        Map<Long, Tracking.Step> steps = tracking.steps(organisations);
        return HttpResponse.ok(organisations.stream().filter(o -> o.signature() != null).map(o -> new SignatureJson(
                o.name(), o.sector().code(), steps.get(o.id()).name().toLowerCase(java.util.Locale.ROOT),
                o.signature().signerName(), o.signature().signerRole(), o.signature().signedAt(),
                o.signature().withdrawnAt(), o.signature().commitments(), o.signature().own(),
                o.signature().listed())).toList());
    }
}
