package uk.chorus.themes;

import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index itself, in memory: what a commit records and what a crash keeps, the analysis
 * (stems, synonyms, phrases), and themes matched at search time with a lead's decision winning.
 */
class TextIndexTest {
    private final TextAnalysis analysis = new TextAnalysis("");
    private final List<ThemeQueries.Compiled> themes = ThemeAccuracyTest.seededThemes(analysis);

    private static IndexedText comment(String id, String text, Set<String> confirmed, Set<String> rejected) {
        return new IndexedText(id, IndexedText.SURVEY, Long.parseLong(id.split(":")[1]), "family-voice-2026", 2026,
                "biggest_difference", null, null, LocalDate.of(2026, 11, 20), Map.of("ehcp", "ehcp"), text, false,
                confirmed, rejected);
    }

    private long count(TextIndex index, Query query) {
        return index.search(searcher -> {
            try {
                return (long) searcher.count(query);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private Query theme(String id) {
        return themes.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow().membership();
    }

    @Test
    void aCrashKeepsWhatWasCommittedAndTheChangeItWasCurrentTo() throws Exception {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        TextIndex first = new TextIndex(directory, analysis, 16);
        first.upsert(comment("r:1:q", "We waited a year for the plan.", Set.of(), Set.of()));
        first.commit(7, "database-a");
        first.upsert(comment("r:2:q", "Never committed.", Set.of(), Set.of()));
        first.refresh();
        assertThat(first.documents()).isEqualTo(2);
        // Killed: nothing after the last commit survives, and the commit says where to carry on.
        first.abandon();
        TextIndex second = new TextIndex(directory, analysis, 16);
        assertThat(second.committed()).containsEntry(TextIndex.CHANGE_ID, "7")
                .containsEntry(TextIndex.INSTALLATION, "database-a");
        assertThat(second.documents()).isEqualTo(1);
        // Applying a change twice (after a crash) leaves one copy.
        second.upsert(comment("r:1:q", "We waited a year for the plan.", Set.of(), Set.of()));
        second.upsert(comment("r:1:q", "We waited a year for the plan.", Set.of(), Set.of()));
        second.refresh();
        assertThat(second.documents()).isEqualTo(1);
    }

    @Test
    void themesAreMatchedWhenCountingAndADecisionAlwaysWins() throws Exception {
        TextIndex index = new TextIndex(new ByteBuffersDirectory(), analysis, 16);
        index.upsert(comment("r:1:q", "We have had no respite for two years.", Set.of(), Set.of()));
        index.upsert(comment("r:2:q", "Respite saved us, but only just.", Set.of(), Set.of("short-breaks")));
        index.upsert(comment("r:3:q", "The trampoline club closed and nothing replaced it.", Set.of("short-breaks"), Set.of()));
        index.upsert(comment("r:4:q", "The trampoline club closed and nothing replaced it.", Set.of(), Set.of()));
        index.refresh();
        assertThat(count(index, theme("short-breaks"))).isEqualTo(2); // r:1 by its words, r:3 confirmed; r:2 rejected
        assertThat(count(index, new ThemeQueries(null, analysis) {
            @Override
            public List<Compiled> all() {
                return themes;
            }
        }.anyTheme())).isEqualTo(2);
        // Synonyms at search time: "short breaks" finds respite, "EHCP" finds the words in full.
        assertThat(count(index, new ThemeQueries(null, analysis).parse("\"short breaks\"", true))).isEqualTo(2);
    }

    @Test
    void analysisFoldsEndingsAndMakesReadablePairs() {
        assertThat(analysis.indexTerms("Waiting, waits and waited")).containsExactly("wait", "wait", "and", "wait");
        assertThat(TextAnalysis.STOP_WORDS.contains("the")).isTrue();
    }
}
