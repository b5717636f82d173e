package uk.chorus.demo;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.chorus.reports.Actions;
import uk.chorus.reports.Gazetteer;
import uk.chorus.reports.MeasureStore;
import uk.chorus.reports.QuoteChecker;
import uk.chorus.reports.ReportBuilder;
import uk.chorus.reports.ReportContent;
import uk.chorus.reports.ReportStore;
import uk.chorus.themes.IndexFollower;
import uk.chorus.themes.ThemeSummaries;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A published "you said, we did" report over the demo's last year of surveys and feedback, with
 * actions at every stage, a survey question and an indicator as measures, and approved quotes.
 * It is built once the search index has caught up with the demo's comments, in the background,
 * so start-up does not wait for it.
 */
@Singleton
class DemoReport implements DemoPart {
    private static final Logger LOG = LoggerFactory.getLogger(DemoReport.class);
    private static final String LEAD = "lead@demo.example";
    private final Actions actions;
    private final MeasureStore measures;
    private final ReportStore reports;
    private final ReportBuilder builder;
    private final ThemeSummaries summaries;
    private final Gazetteer gazetteer;
    private final IndexFollower index;
    private final JsonMapper json;
    private final Clock clock;

    DemoReport(Actions actions, MeasureStore measures, ReportStore reports, ReportBuilder builder,
               ThemeSummaries summaries, Gazetteer gazetteer, IndexFollower index, JsonMapper json, Clock clock) {
        this.actions = actions;
        this.measures = measures;
        this.reports = reports;
        this.builder = builder;
        this.summaries = summaries;
        this.gazetteer = gazetteer;
        this.index = index;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void load(Random random) {
        LocalDate today = LocalDate.now(clock);
        long aware = measures.create("Families who know about the Local Offer", "family-voice-2026", "local_offer_aware",
                null, true, null, LEAD);
        long plans = measures.create("EHC plans issued within 20 weeks", null, null, "%", true, new BigDecimal("60"), LEAD);
        measures.record(plans, "2024-25", LocalDate.of(2025, 3, 31), new BigDecimal("38.5"), LEAD);
        measures.record(plans, "2025-26", LocalDate.of(2026, 3, 31), new BigDecimal("52.1"), LEAD);
        long waiting = measures.create("Families waiting for a short break", null, null, null, false, null, LEAD);
        measures.record(waiting, "March 2025", LocalDate.of(2025, 3, 31), new BigDecimal("212"), LEAD);
        measures.record(waiting, "March 2026", LocalDate.of(2026, 3, 31), new BigDecimal("148"), LEAD);
        action("Rebuilt the Local Offer search so it finds services by what families type", "Local Offer team",
                Actions.Status.DONE, null, List.of("local-offer"), List.of(aware));
        action("Weekend short breaks at two more centres", "Short breaks service", Actions.Status.IN_PROGRESS, null,
                List.of("short-breaks"), List.of(waiting));
        action("A named caseworker for every family waiting for an EHC needs assessment", "SEND team",
                Actions.Status.DONE, null, List.of("ehcp", "communication"), List.of(plans));
        action("Extra autism assessment clinics on Saturdays", "Neurodevelopmental service", Actions.Status.DROPPED,
                "No clinicians were available for weekend clinics this year; we have asked again for next year.",
                List.of("assessment-waits"), List.of());
        long id = reports.create("you-said-we-did-" + today.getYear(), "You said, we did " + today.getYear(),
                today.minusYears(1), today, List.of(ReportBuilder.FEEDBACK, ReportBuilder.SURVEY + "family-voice-2026",
                        ReportBuilder.SURVEY + "big-bang-2026"), LEAD).orElseThrow();
        Thread.ofVirtual().name("demo-report").start(() -> publish(id));
    }

    private void action(String title, String service, Actions.Status status, String reason, List<String> themes,
                        List<Long> measureIds) {
        // Work under way or done began early in 2025, so its measures' later figures show whether it worked.
        actions.create(new Actions.Draft(title, null, service, "Head of SEND", null, status, reason, themes, List.of(),
                List.of(), measureIds, status.begun() ? LocalDate.of(2025, 1, 6) : null, List.of()), LEAD);
    }

    /** Once the index holds the demo's comments: quotes for the top themes, checked, then the report published. */
    private void publish(long id) {
        try {
            if (!index.awaitCurrent(300_000)) {
                LOG.warn("The demo report was not published: the search index did not catch up in five minutes.");
                return;
            }
            ReportStore.Report report = reports.find(id).orElseThrow();
            QuoteChecker checker = new QuoteChecker();
            ReportContent draft = builder.build(report, Set.of());
            for (ReportContent.ThemeSection theme : draft.themes().subList(0, Math.min(3, draft.themes().size()))) {
                int added = 0;
                for (ThemeSummaries.Candidate candidate : summaries.typical(builder.scopes(report), theme.themeId(), 5,
                        Set.of())) {
                    QuoteChecker.Checked checked = checker.check(candidate.text(), gazetteer.all());
                    if (added < 2 && reports.approveQuote(id, theme.themeId(), candidate.textId(), checked.redacted(),
                            candidate.source(), LEAD)) {
                        added++;
                    }
                }
            }
            reports.publish(id, json.writeValueAsString(builder.build(report, Set.of())), null, LEAD);
            LOG.info("Demo report published at /reports/{}", report.slug());
        } catch (Exception e) {
            LOG.error("The demo report could not be published", e);
        }
    }
}
