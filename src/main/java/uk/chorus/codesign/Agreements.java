package uk.chorus.codesign;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import uk.chorus.surveys.Page;
import uk.chorus.surveys.Question;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which questions of a design the forum has agreed. A question is agreed when enough people
 * (CHORUS_CODESIGN_AGREEMENTS, 2 unless set) have agreed its present wording and nobody's present
 * mark on it is "not yet"; open comments are shown beside it for the lead to weigh.
 */
@Singleton
public class Agreements {
    private final Discussion discussion;
    private final int needed;

    Agreements(Discussion discussion, @Value("${chorus.codesign.agreements:2}") int needed) {
        this.discussion = discussion;
        this.needed = Math.max(1, needed);
    }

    public record QuestionState(Question question, int pageNumber, List<String> agreedBy, List<String> notYetBy,
                                List<String> lapsedBy, long openComments, long comments, boolean agreed) {
    }

    public record Summary(List<QuestionState> questions, int needed) {
        public long agreedCount() {
            return questions.stream().filter(QuestionState::agreed).count();
        }

        public boolean allAgreed() {
            return !questions.isEmpty() && agreedCount() == questions.size();
        }

        public long openComments() {
            return questions.stream().mapToLong(QuestionState::openComments).sum();
        }

        public QuestionState of(String key) {
            return questions.stream().filter(q -> q.question().key().equals(key)).findFirst().orElseThrow();
        }
    }

    public int needed() {
        return needed;
    }

    public Summary summarise(Design design) {
        Map<String, List<Discussion.Mark>> marks = new HashMap<>();
        for (Discussion.Mark mark : discussion.marks(design.id())) {
            marks.computeIfAbsent(mark.questionKey(), k -> new ArrayList<>()).add(mark);
        }
        Map<String, long[]> comments = new HashMap<>();
        for (Discussion.Comment comment : discussion.comments(design.id())) {
            long[] counts = comments.computeIfAbsent(comment.questionKey(), k -> new long[2]);
            counts[0]++;
            if (comment.open()) {
                counts[1]++;
            }
        }
        List<QuestionState> states = new ArrayList<>();
        int pageNumber = 0;
        for (Page page : design.definition().pages()) {
            pageNumber++;
            for (Question question : page.questions()) {
                String hash = discussion.wordingHash(question);
                List<String> agreed = new ArrayList<>();
                List<String> notYet = new ArrayList<>();
                List<String> lapsed = new ArrayList<>();
                for (Discussion.Mark mark : marks.getOrDefault(question.key(), List.of())) {
                    if (!mark.wordingHash().equals(hash)) {
                        lapsed.add(mark.person());
                    } else if (mark.agrees()) {
                        agreed.add(mark.person());
                    } else {
                        notYet.add(mark.person());
                    }
                }
                long[] counts = comments.getOrDefault(question.key(), new long[2]);
                states.add(new QuestionState(question, pageNumber, agreed, notYet, lapsed, counts[1], counts[0],
                        agreed.size() >= needed && notYet.isEmpty()));
            }
        }
        return new Summary(states, needed);
    }
}
