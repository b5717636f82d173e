package uk.chorus.demo;

import jakarta.inject.Singleton;
import uk.chorus.pledges.Campaigns;
import uk.chorus.pledges.Circulation;
import uk.chorus.pledges.Sector;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A pledge campaign launched five months ago: 120 organisations across every sector, a little
 * over half signed (schools and health ahead, voluntary groups behind), two asking to join.
 */
@Singleton
class DemoPledge implements DemoPart {
    private static final String LEAD = "lead@demo.example";
    private static final String[][] KINDS = {
            {"early-years", "Nursery", "Pre-school", "Childminders' network"},
            {"school", "Primary School", "Academy", "High School", "Special School"},
            {"college", "College", "Sixth Form"},
            {"health", "Surgery", "Community Paediatrics", "Therapy Service"},
            {"social-care", "Children's Social Care Team", "Short Breaks Service"},
            {"voluntary", "Youth Club", "Parent Support Group", "Scouts"},
            {"other", "Leisure Centre", "Library"}};
    private static final String[] PLACES = {"Northbridge", "Southmoor", "Eastbrook", "Westfield", "Kingsford",
            "Ashton Vale", "Millbrook", "Oakfield", "Riverside", "Hillcrest", "Greenway", "Brookside"};
    private static final double[] SIGNING = {0.5, 0.7, 0.6, 0.65, 0.55, 0.35, 0.3};
    private final Campaigns campaigns;
    private final Circulation circulation;
    private final Clock clock;

    DemoPledge(Campaigns campaigns, Circulation circulation, Clock clock) {
        this.campaigns = campaigns;
        this.circulation = circulation;
        this.clock = clock;
    }

    @Override
    public void load(Random random) {
        LocalDate today = LocalDate.now(clock);
        long id = campaigns.create("send-is-everybodys-business", "SEND is Everybody's Business",
                "We pledge that children and young people with special educational needs and disabilities, and their "
                        + "families, are everybody's business in our organisation: we listen to them, we make reasonable "
                        + "adjustments without being asked twice, and we work with other services so families tell their "
                        + "story once.", new BigDecimal("0.85"), today.minusMonths(5), today.plusMonths(7),
                List.of("Every member of staff has SEND awareness training within a year",
                        "We name a SEND lead families can contact",
                        "We ask families and young people what we could do better, every year",
                        "Our information is accessible, including easy read"), LEAD).orElseThrow();
        Campaigns.Campaign campaign = campaigns.find(id).orElseThrow();
        List<Circulation.NewOrganisation> organisations = new ArrayList<>();
        int n = 0;
        while (organisations.size() < 120) {
            String[] kind = KINDS[n % KINDS.length];
            String name = PLACES[(n / KINDS.length) % PLACES.length] + " " + kind[1 + (n / 3) % (kind.length - 1)];
            String address = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", ".") + "@demo.example";
            if (organisations.stream().noneMatch(o -> o.name().equals(name))) {
                organisations.add(new Circulation.NewOrganisation(name, Sector.fromText(kind[0]).orElseThrow(),
                        "Demo Contact " + n, address));
            }
            n++;
        }
        circulation.add(id, organisations, LEAD);
        List<Long> commitments = campaign.commitments().stream().map(Campaigns.Commitment::id).toList();
        for (Circulation.Organisation organisation : circulation.of(id)) {
            double chance = SIGNING[organisation.sector().ordinal()];
            if (random.nextDouble() < chance) {
                List<Long> chosen = commitments.stream().filter(c -> random.nextDouble() < 0.7).toList();
                // Most sign in the first weeks after launch, fewer as the months go on.
                LocalDate day = campaign.launchOn().plusDays((long) Math.min(145, Math.abs(random.nextGaussian() * 45)));
                circulation.sign(organisation.id(), organisation.contactName(), "Manager",
                        chosen.isEmpty() ? commitments.subList(0, 1) : chosen, null, random.nextDouble() < 0.85,
                        day.atTime(10, 0).atZone(java.time.ZoneId.of("Europe/London")).toInstant());
            }
        }
        for (String name : List.of("Kingsford Tennis Club", "Eastbrook Baby Bank")) {
            circulation.requestToJoin(id, new Circulation.NewOrganisation(name, Sector.VOLUNTARY, "Demo Volunteer",
                    name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@demo.example"))
                    .ifPresent(org -> circulation.sign(org, "Demo Volunteer", "Chair", commitments.subList(0, 2), null,
                            true));
        }
    }
}
