package uk.chorus.pledges;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.chorus.accounts.Staff;
import uk.chorus.web.Charts;
import uk.chorus.web.Dates;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A campaign's dashboard: figures by sector, the organisations and their step, requests to join, the chart. */
@Singleton
class CampaignDashboard {
    private final Circulation circulation;
    private final Tracking tracking;
    private final Messages messages;

    CampaignDashboard(Circulation circulation, Tracking tracking, Messages messages) {
        this.circulation = circulation;
        this.tracking = tracking;
        this.messages = messages;
    }

    Map<String, Object> model(Authentication authentication, Campaigns.Campaign campaign,
                                               @Nullable String done, FormErrors errors, Map<String, Object> extra) {
        List<Circulation.Organisation> organisations = circulation.of(campaign.id());
        Tracking.Figures figures = tracking.figures(campaign, organisations);
        Map<Long, Tracking.Step> steps = tracking.steps(organisations);
        List<Map<String, Object>> sectors = figures.sectors().stream().map(s -> Map.<String, Object>of(
                "label", messages.get(Sector.fromText(s.sector()).orElse(Sector.OTHER).labelKey()),
                "circulated", s.circulated(), "signed", s.signed(), "percent", s.percent() + "%")).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> requests = new ArrayList<>();
        for (Circulation.Organisation o : organisations) {
            Map<String, Object> row = Map.of("id", o.id(), "name", o.name(), "sector",
                    messages.get(o.sector().labelKey()), "contact", o.contactEmail() == null ? "–" : o.contactEmail(),
                    "step", messages.get("pledges.step." + steps.get(o.id()).name().toLowerCase(Locale.ROOT)),
                    "signed", o.signed());
            if (steps.get(o.id()) == Tracking.Step.PENDING) {
                requests.add(row);
            } else if (o.circulated()) {
                rows.add(row);
            }
        }
        Map<String, Object> model = Pages.model("title", campaign.title(), "staff", Staff.of(authentication),
                "campaign", campaign, "figures", figures, "sectors", sectors, "organisations", rows,
                "notSigned", rows.stream().filter(r -> !(Boolean) r.get("signed")).count(), "requests", requests,
                "chart", figures.circulated() == 0 ? null : chart(campaign, figures), "done", done, "backUrl", "/staff/pledges",
                "reviewDue", !LocalDate.now(Dates.UK).isBefore(campaign.reviewOn()));
        model.putAll(extra);
        return errors.addTo(model);
    }

    /** Signatures so far against the number the target needs, at up to twelve points since launch. */
    private Charts.LinesChart chart(Campaigns.Campaign campaign, Tracking.Figures figures) {
        List<long[]> weeks = tracking.weekly(campaign, LocalDate.now(Dates.UK));
        int step = Math.max(1, (int) Math.ceil(weeks.size() / 12.0));
        List<String> columns = new ArrayList<>();
        List<Double> signed = new ArrayList<>();
        List<Double> target = new ArrayList<>();
        double needed = Math.ceil(campaign.target().doubleValue() * figures.circulated());
        for (int i = 0; i < weeks.size(); i += step) {
            int at = Math.min(weeks.size() - 1, i + step - 1);
            LocalDate day = campaign.launchOn().plusDays(weeks.get(at)[0]);
            LocalDate today = LocalDate.now(Dates.UK);
            columns.add(Dates.shortForm(day.isAfter(today) ? today : day));
            signed.add((double) weeks.get(at)[1]);
            target.add(needed);
        }
        return Charts.lines("pledge-" + campaign.id(), messages.get("pledges.chart.title"),
                messages.get("pledges.chart.description", campaign.targetPercent()), columns,
                List.of(new Charts.SeriesInput(messages.get("pledges.chart.signed"), "c1", signed),
                        new Charts.SeriesInput(messages.get("pledges.chart.target", campaign.targetPercent()), "c2",
                                target)));
    }
}
