package uk.chorus.pledges;

import uk.chorus.web.Messages;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One year on: for each commitment, how many organisations chose it and how many of them gave
 * evidence of action, overall and by sector, with what they wrote.
 */
record ReviewReport(long signers, long reviewed, List<Row> commitments, List<String> sectors) {

    record Row(String commitment, long chose, long evidenced, List<String> bySector, List<Evidence> evidence) {
    }

    record Evidence(String organisation, String text, String link) {
    }

    static ReviewReport of(Campaigns.Campaign campaign, List<Circulation.Organisation> organisations,
                           List<Circulation.Review> reviews, Messages messages) {
        Map<Long, Circulation.Organisation> byId = new LinkedHashMap<>();
        organisations.stream().filter(Circulation.Organisation::signed).forEach(o -> byId.put(o.id(), o));
        Set<Long> reviewedOrganisations = new HashSet<>();
        reviews.stream().filter(r -> byId.containsKey(r.organisationId())).forEach(r -> reviewedOrganisations.add(r.organisationId()));
        List<Sector> sectors = byId.values().stream().map(Circulation.Organisation::sector).distinct().sorted().toList();
        List<Row> rows = new ArrayList<>();
        for (Campaigns.Commitment commitment : campaign.commitments()) {
            List<Circulation.Organisation> chose = byId.values().stream()
                    .filter(o -> o.signature().commitments().contains(commitment.id())).toList();
            List<Circulation.Review> given = reviews.stream().filter(r -> commitment.id() == (r.commitmentId() == null
                    ? -1 : r.commitmentId()) && byId.containsKey(r.organisationId())).toList();
            List<String> bySector = new ArrayList<>();
            for (Sector sector : sectors) {
                long inSector = chose.stream().filter(o -> o.sector() == sector).count();
                long evidenced = given.stream().filter(r -> byId.get(r.organisationId()).sector() == sector).count();
                bySector.add(inSector == 0 ? "–" : messages.get("pledges.review.of", evidenced, inSector));
            }
            rows.add(new Row(commitment.text(), chose.size(), given.size(), bySector, given.stream()
                    .map(r -> new Evidence(byId.get(r.organisationId()).name(), r.evidence(),
                            r.link() == null ? "" : r.link())).toList()));
        }
        List<Circulation.Review> own = reviews.stream().filter(r -> r.commitmentId() == null
                && byId.containsKey(r.organisationId())).toList();
        if (!own.isEmpty()) {
            rows.add(new Row(messages.get("pledges.review.own"), own.size(), own.size(), sectors.stream().map(s -> "")
                    .toList(), own.stream().map(r -> new Evidence(byId.get(r.organisationId()).name(), r.evidence(),
                    r.link() == null ? "" : r.link())).toList()));
        }
        return new ReviewReport(byId.size(), reviewedOrganisations.size(), rows,
                sectors.stream().map(s -> messages.get(s.labelKey())).toList());
    }
}
