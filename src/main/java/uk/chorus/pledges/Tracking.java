package uk.chorus.pledges;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import uk.chorus.mail.Outbox;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where a campaign stands: organisations circulated (on the list, or approved after asking to
 * join) and signed (a standing signature), overall and by sector, against the target share; how
 * many signatures the target needs; and each organisation's latest step (invited, bounced,
 * opened its link, signed).
 */
@Singleton
public class Tracking {
    private final Circulation circulation;
    private final Outbox outbox;

    Tracking(Circulation circulation, Outbox outbox) {
        this.circulation = circulation;
        this.outbox = outbox;
    }

    @Serdeable
    public record SectorCount(String sector, long circulated, long signed) {
        public int percent() {
            return circulated == 0 ? 0 : (int) Math.round(signed * 100.0 / circulated);
        }
    }

    public record Figures(long circulated, long signed, int percent, int targetPercent, long needed, boolean met,
                          List<SectorCount> sectors) {
    }

    public enum Step { NOT_INVITED, QUEUED, SENT, BOUNCED, FAILED, OPENED, SIGNED, WITHDRAWN, PENDING, REJECTED }

    public Figures figures(Campaigns.Campaign campaign, List<Circulation.Organisation> organisations) {
        Map<Sector, long[]> bySector = new EnumMap<>(Sector.class);
        for (Sector sector : Sector.values()) {
            bySector.put(sector, new long[2]);
        }
        long circulated = 0;
        long signed = 0;
        for (Circulation.Organisation organisation : organisations) {
            if (!organisation.circulated()) {
                continue;
            }
            circulated++;
            bySector.get(organisation.sector())[0]++;
            if (organisation.signed()) {
                signed++;
                bySector.get(organisation.sector())[1]++;
            }
        }
        // The signatures the target needs: the smallest whole number at or above target x circulated.
        long required = campaign.target().multiply(java.math.BigDecimal.valueOf(circulated))
                .setScale(0, java.math.RoundingMode.CEILING).longValue();
        List<SectorCount> sectors = new ArrayList<>();
        bySector.forEach((sector, counts) -> {
            if (counts[0] > 0) {
                sectors.add(new SectorCount(sector.code(), counts[0], counts[1]));
            }
        });
        int percent = circulated == 0 ? 0 : (int) Math.floor(signed * 100.0 / circulated);
        return new Figures(circulated, signed, percent, campaign.targetPercent(), Math.max(0, required - signed),
                circulated > 0 && signed >= required, sectors);
    }

    public Map<Long, Step> steps(List<Circulation.Organisation> organisations) {
        Map<String, Outbox.Status> mail = outbox.latestStatus(PledgeMail.ABOUT);
        Map<Long, Step> steps = new java.util.HashMap<>();
        for (Circulation.Organisation organisation : organisations) {
            Step step;
            if (organisation.moderation().equals("pending")) {
                step = Step.PENDING;
            } else if (organisation.moderation().equals("rejected")) {
                step = Step.REJECTED;
            } else if (organisation.signed()) {
                step = Step.SIGNED;
            } else if (organisation.signature() != null) {
                step = Step.WITHDRAWN;
            } else if (organisation.openedAt() != null) {
                step = Step.OPENED;
            } else {
                Outbox.Status status = mail.get(PledgeMail.ABOUT + organisation.id());
                step = status == null ? Step.NOT_INVITED : Step.valueOf(status.name());
            }
            steps.put(organisation.id(), step);
        }
        return steps;
    }

    /** Signatures so far at the end of each week since launch (up to today), for the chart over time. */
    public List<long[]> weekly(Campaigns.Campaign campaign, LocalDate today) {
        Map<LocalDate, Long> byDay = circulation.signedByDay(campaign.id());
        List<long[]> weeks = new ArrayList<>();
        LocalDate start = campaign.launchOn();
        LocalDate end = today.isBefore(start) ? start : today;
        long total = byDay.entrySet().stream().filter(e -> e.getKey().isBefore(start)).mapToLong(Map.Entry::getValue).sum();
        for (LocalDate weekEnd = start.plusDays(6); ; weekEnd = weekEnd.plusWeeks(1)) {
            LocalDate from = weekEnd.minusDays(6);
            for (Map.Entry<LocalDate, Long> day : byDay.entrySet()) {
                if (!day.getKey().isBefore(from) && !day.getKey().isAfter(weekEnd)) {
                    total += day.getValue();
                }
            }
            weeks.add(new long[]{ChronoUnit.DAYS.between(start, weekEnd), total});
            if (!weekEnd.isBefore(end) || weeks.size() > 520) {
                break;
            }
        }
        return weeks;
    }
}
