package uk.chorus.results;

import jakarta.inject.Singleton;

/** Keeps a wave's results once its raw answers are about to be deleted (filled in by the results work). */
@Singleton
public class WaveSnapshots {
    public void keep(String surveyId) {
        // The stored snapshot arrives with the results pages.
    }
}
