package uk.chorus.languages;

import io.micronaut.core.annotation.Nullable;
import uk.chorus.web.Message;

import java.util.List;

/**
 * A translator's file as read, CSV or XLIFF alike: the survey it names (XLIFF names it; a CSV does
 * not), its language and its rows, each with the line (CSV) or unit (XLIFF) it came from. A file
 * that cannot be read as either is one problem, and nothing of it is used.
 */
record TranslatorFile(Kind kind, @Nullable String surveyId, String language, List<Line> lines,
                      @Nullable Message unreadable) {

    /** A spreadsheet's problems name its rows; a translation tool's name its units, counted from 1. */
    enum Kind {
        CSV("languages.import.where.row"), XLIFF("languages.import.where.unit");

        final String whereKey;

        Kind(String whereKey) {
            this.whereKey = whereKey;
        }
    }

    /** A row and where it was in the file (its row, or its unit's place), so each problem can point at it. */
    record Line(long where, TranslationRow row) {
    }

    static TranslatorFile unreadable(Message why) {
        return new TranslatorFile(Kind.CSV, null, "", List.of(), why);
    }

    boolean readable() {
        return unreadable == null;
    }
}
