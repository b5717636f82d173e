package uk.chorus.surveys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Optional;

/**
 * One question as loaded from a survey file. The key is stable across waves so that the same
 * question can be compared year on year; options are always filled in for choice types (the
 * loader expands the standard agreement, faces, yes/no, rating and about-you lists) so a stored
 * version records exactly what was shown.
 *
 * @param errorMessage what to say when a required question is left unanswered, written for this
 *                     question ("Select how much you agree that ..."); a general sentence otherwise
 * @param lowLabel     for a rating, the words for 0 ("Very poor")
 * @param highLabel    for a rating, the words for 10 ("Excellent")
 * @param supportBox   show "If you need to talk to someone now" after this question
 * @param symbols      pictures with alt text for the symbols reading level
 * @param better       which way is an improvement ("higher" or "lower") when results compare
 *                     waves; scales and ratings are "higher" unless the file says otherwise
 */
@Serdeable
public record Question(
        String key,
        QuestionType type,
        String text,
        @Nullable String hint,
        @Nullable String easyRead,
        boolean required,
        List<Option> options,
        @Nullable Integer maxLength,
        @Nullable Integer min,
        @Nullable Integer max,
        @Nullable ShowIf showIf,
        @Nullable AboutYouTopic about,
        @Nullable String errorMessage,
        @Nullable String lowLabel,
        @Nullable String highLabel,
        @Nullable Boolean supportBox,
        @Nullable String better,
        @Nullable List<Symbol> symbols) {

    @io.micronaut.core.annotation.Creator
    public Question {
        options = options == null ? List.of() : List.copyOf(options);
        symbols = symbols == null || symbols.isEmpty() ? null : List.copyOf(symbols);
    }

    /** A question with no symbols: the shape every caller used before reading levels existed. */
    public Question(String key, QuestionType type, String text, @Nullable String hint, @Nullable String easyRead,
                    boolean required, List<Option> options, @Nullable Integer maxLength, @Nullable Integer min,
                    @Nullable Integer max, @Nullable ShowIf showIf, @Nullable AboutYouTopic about,
                    @Nullable String errorMessage, @Nullable String lowLabel, @Nullable String highLabel,
                    @Nullable Boolean supportBox, @Nullable String better) {
        this(key, type, text, hint, easyRead, required, options, maxLength, min, max, showIf, about, errorMessage,
                lowLabel, highLabel, supportBox, better, null);
    }

    /** The pictures shown at the symbols reading level; empty when the file gives none. */
    public List<Symbol> symbolList() {
        return symbols == null ? List.of() : symbols;
    }

    public Optional<Option> option(String code) {
        for (Option option : options) {
            if (option.code().equals(code)) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    public String labelFor(String code) {
        return option(code).map(Option::label).orElse(code);
    }

    public boolean showsSupport() {
        return Boolean.TRUE.equals(supportBox);
    }

    /** +1 when a higher share or value is better, -1 when lower is, 0 when neither is (just a change). */
    public int direction() {
        if (better != null) {
            return better.equals("lower") ? -1 : better.equals("higher") ? 1 : 0;
        }
        return type.isScale() || type == QuestionType.RATING ? 1 : 0;
    }
}
