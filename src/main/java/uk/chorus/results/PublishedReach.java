package uk.chorus.results;

import jakarta.inject.Singleton;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyVersions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who a survey heard from against the area's SEND population, for documents read outside a lead's
 * own pages (the evidence pack): each about-you question's groups as the published wave gives them
 * (exact or rounded, withheld counts "[c]"), beside the population sizes a lead entered. Read only
 * from the published snapshot ({@link PublishedFigures}), never from live answers, so every count
 * here is one the public results page already shows.
 */
@Singleton
public class PublishedReach {
    private final PublishedFigures figures;
    private final Populations populations;
    private final SurveyVersions versions;

    PublishedReach(PublishedFigures figures, Populations populations, SurveyVersions versions) {
        this.figures = figures;
        this.populations = populations;
        this.versions = versions;
    }

    /** One group: the area's population and share (blank when not entered), and the published respondents and share. */
    public record Group(String label, String population, String populationShare, String respondents,
                        String respondentShare) {
    }

    /** One about-you question ({@code topic}: "ehcp", "age-band", "primary-need", "area"...). */
    public record Dimension(String key, String topic, String question, boolean populationKnown, List<Group> groups) {
    }

    public record Survey(String surveyId, String title, int wave, LocalDate opens, LocalDate closes, String responses,
                         int threshold, boolean rounded, List<Dimension> dimensions) {
    }

    /** Every survey with a published wave that was open at some time in the period. */
    public List<Survey> openDuring(LocalDate from, LocalDate to) {
        List<Survey> surveys = new ArrayList<>();
        for (LiveSurvey live : versions.newestOfEach()) {
            SurveyDefinition definition = live.definition();
            if (!definition.opens().isAfter(to) && !definition.closes().isBefore(from)) {
                of(definition).ifPresent(surveys::add);
            }
        }
        return surveys;
    }

    private Optional<Survey> of(SurveyDefinition definition) {
        Optional<PublishedWave> published = figures.published(definition.id());
        if (published.isEmpty()) {
            return Optional.empty();
        }
        PublishedWave wave = published.get();
        Map<String, Map<String, Long>> sizes = populations.of(definition.id());
        List<Dimension> dimensions = new ArrayList<>();
        for (Question question : definition.questionList()) {
            PublishedWave.Question counts = wave.questions().get(question.key());
            if (question.about() == null || counts == null) {
                continue;
            }
            dimensions.add(dimension(question, counts, sizes.getOrDefault(question.key(), Map.of())));
        }
        return Optional.of(new Survey(definition.id(), definition.title(), definition.wave(), definition.opens(),
                definition.closes(), wave.responses() == PublishedWave.WITHHELD ? Figures.SUPPRESSED
                : Figures.count(wave.responses()), wave.threshold(), wave.rounded(), dimensions));
    }

    private static Dimension dimension(Question question, PublishedWave.Question counts, Map<String, Long> sizes) {
        PublishedWave.Row all = counts.all();
        long population = sizes.values().stream().mapToLong(Long::longValue).sum();
        // Shares of the published base only; a withheld base withholds every share worked out from it.
        boolean baseKnown = all.base() != PublishedWave.WITHHELD && all.base() > 0;
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < counts.options().size() && i < all.cells().length; i++) {
            String code = counts.options().get(i);
            long cell = all.cells()[i];
            Long size = sizes.get(code);
            boolean withheld = cell == PublishedWave.WITHHELD;
            groups.add(new Group(question.labelFor(code),
                    size == null ? "" : Figures.count(size),
                    size == null || population == 0 ? "" : Figures.percent(size / (double) population),
                    withheld ? Figures.SUPPRESSED : Figures.count(cell),
                    withheld || !baseKnown ? Figures.SUPPRESSED : Figures.percent(cell / (double) all.base())));
        }
        return new Dimension(question.key(), question.about().fileName(), question.text(), !sizes.isEmpty(), groups);
    }
}
