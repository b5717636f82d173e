package uk.chorus.themes;

import jakarta.inject.Singleton;
import uk.chorus.feedback.FeedbackThemes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Answers the feedback inbox's theme filter from the search index, as the theme search would. */
@Singleton
class FeedbackThemesFromIndex implements FeedbackThemes {
    private final ThemeQueries themes;
    private final CommentSearch search;

    FeedbackThemesFromIndex(ThemeQueries themes, CommentSearch search) {
        this.themes = themes;
        this.search = search;
    }

    @Override
    public List<Theme> themes() {
        return themes.all().stream().map(t -> new Theme(t.id(), t.theme().name())).toList();
    }

    @Override
    public Optional<List<Long>> itemsUnder(String themeId, int limit) {
        if (themes.all().stream().noneMatch(t -> t.id().equals(themeId))) {
            return Optional.empty();
        }
        CommentSearch.Request request = new CommentSearch.Request("", Map.of("source", IndexedText.FEEDBACK), themeId,
                null, null, CommentSearch.Order.NEWEST, 1, Set.of());
        return Optional.of(search.ids(request, limit).stream().filter(id -> id.startsWith("f:"))
                .map(id -> Long.parseLong(id.substring(2))).toList());
    }
}
