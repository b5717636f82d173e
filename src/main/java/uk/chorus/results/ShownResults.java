package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.chorus.surveys.SurveyDefinition;

import java.util.Optional;

/**
 * The figures a person sees for a results address, shared by the page, its chart downloads and its
 * spreadsheet so none of them can show more than the others: everyone but the survey's leads sees
 * the version a lead published; a lead sees live figures, or "as published" the disclosure model
 * worked out now.
 */
@Singleton
class ShownResults {
    private final ResultsService results;
    private final PublishedFigures published;

    ShownResults(ResultsService results, PublishedFigures published) {
        this.results = results;
        this.published = published;
    }

    /** Empty when someone who is not a lead asks before anything is published. */
    Optional<SurveyResults> of(SurveyDefinition definition, ResultsQuery query, ResultOptions options, boolean lead) {
        if (!lead) {
            return published.published(definition.id()).map(figures -> published.results(definition, figures,
                    query.by(), query.onlyKey(), query.onlyCode()));
        }
        if (options.suppress() && query.byLanguage()) {
            // Not in the published figures: withheld table by table (DisclosureControl), for a lead's eyes only.
            return results.results(definition.id(), options);
        }
        if (options.suppress()) {
            return Optional.of(published.decide(definition.id(), options.roundToFive())
                    .map(d -> published.results(definition, d.published(), query.by(), query.onlyKey(), query.onlyCode()))
                    .orElseGet(() -> results.results(definition.id(), options).orElseThrow()));
        }
        return results.results(definition.id(), options);
    }

    /** A one-year-on comparison's question, as shown with these figures. */
    static Optional<Comparisons.QuestionComparison> compared(@Nullable SurveyResults figures, String key) {
        if (figures == null || figures.oneYearOn() == null) {
            return Optional.empty();
        }
        return figures.oneYearOn().questions().stream().filter(q -> q.key().equals(key)).findFirst();
    }
}
