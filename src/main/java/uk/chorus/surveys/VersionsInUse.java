package uk.chorus.surveys;

/**
 * Whether anyone has answered a stored version of a survey, asked before a changed definition is
 * stored: once someone has, a change makes a new version instead of correcting this one. Surveys
 * do not read answers themselves; the responses feature answers this.
 */
public interface VersionsInUse {
    boolean hasAnswers(long versionId);
}
