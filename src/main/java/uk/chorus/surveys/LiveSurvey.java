package uk.chorus.surveys;

import java.time.LocalDate;

/** A survey as it is being served: its definition and the stored version answers attach to. */
public record LiveSurvey(SurveyDefinition definition, long versionId, int version) {

    public String id() {
        return definition.id();
    }

    public SurveyStatus statusOn(LocalDate today) {
        if (today.isBefore(definition.opens())) {
            return SurveyStatus.NOT_YET_OPEN;
        }
        return today.isAfter(definition.closes()) ? SurveyStatus.CLOSED : SurveyStatus.OPEN;
    }
}
