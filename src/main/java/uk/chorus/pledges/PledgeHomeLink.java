package uk.chorus.pledges;

import jakarta.inject.Singleton;
import uk.chorus.web.HomeLinks;
import uk.chorus.web.Messages;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** The home page links to the newest pledge campaign that has launched, where anyone can see who signed. */
@Singleton
class PledgeHomeLink implements HomeLinks {
    private final Campaigns campaigns;
    private final Messages messages;

    PledgeHomeLink(Campaigns campaigns, Messages messages) {
        this.campaigns = campaigns;
        this.messages = messages;
    }

    @Override
    public List<Link> links() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        return campaigns.all().stream().filter(c -> !c.launchOn().isAfter(today))
                .max(Comparator.comparing(Campaigns.Campaign::launchOn))
                .map(c -> List.of(new Link(20, messages.get("home.pledge.heading"), messages.get("home.pledge.body"),
                        c.title(), "/pledges/" + c.slug())))
                .orElse(List.of());
    }
}
