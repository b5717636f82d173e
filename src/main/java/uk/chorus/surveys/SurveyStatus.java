package uk.chorus.surveys;

public enum SurveyStatus {
    NOT_YET_OPEN, OPEN, CLOSED
}
