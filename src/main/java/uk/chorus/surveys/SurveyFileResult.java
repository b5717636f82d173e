package uk.chorus.surveys;

import java.util.List;
import java.util.Optional;

/** What reading a survey file gave: the whole definition, or every problem found in it. */
public record SurveyFileResult(Optional<SurveyDefinition> definition, List<DefinitionProblem> problems) {
    static SurveyFileResult loaded(SurveyDefinition definition) {
        return new SurveyFileResult(Optional.of(definition), List.of());
    }

    static SurveyFileResult rejected(List<DefinitionProblem> problems) {
        return new SurveyFileResult(Optional.empty(), problems);
    }

    public boolean ok() {
        return definition.isPresent();
    }
}
