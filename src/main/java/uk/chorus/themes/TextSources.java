package uk.chorus.themes;

import jakarta.inject.Singleton;
import uk.chorus.feedback.FeedbackRecords;
import uk.chorus.responses.ResponseRecords;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where the comments come from: the features that own them, read through their public records.
 * Always the current state in PostgreSQL, so an index built or caught up from here holds exactly
 * what the database holds.
 */
@Singleton
class TextSources {
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private final ResponseRecords responses;
    private final FeedbackRecords feedback;

    private final uk.chorus.pledges.Circulation pledges;

    TextSources(ResponseRecords responses, FeedbackRecords feedback, uk.chorus.pledges.Circulation pledges) {
        this.pledges = pledges;
        this.responses = responses;
        this.feedback = feedback;
    }

    /** A response's written answers, one comment each; none when it was erased or wrote nothing. */
    List<IndexedText> response(long responseId) {
        return responses.textsOf(responseId).map(TextSources::comments).orElse(List.of());
    }

    /** Several responses' comments at once, by response (one query instead of one each). */
    Map<Long, List<IndexedText>> responses(java.util.Collection<Long> responseIds) {
        Map<Long, List<IndexedText>> comments = new java.util.HashMap<>();
        responses.textsOf(responseIds).forEach((id, texts) -> comments.put(id, comments(texts)));
        return comments;
    }

    List<IndexedText> feedbackItem(long itemId) {
        return feedback.byId(itemId).filter(item -> item.text() != null).map(item -> List.of(comment(item)))
                .orElse(List.of());
    }

    /** An organisation's one-year-on review, one comment per commitment it wrote about. */
    List<IndexedText> pledgeReview(long organisationId) {
        return pledges.reviewTexts(organisationId).stream().map(TextSources::comment).toList();
    }

    /** One comment by its index id (r:..., f:..., p:...), if it is still held. */
    java.util.Optional<IndexedText> comment(String textId) {
        List<IndexedText> texts = textId.startsWith("r:") ? response(Long.parseLong(textId.split(":")[1]))
                : textId.startsWith("p:") ? pledgeReview(Long.parseLong(textId.split(":")[1]))
                : feedbackItem(Long.parseLong(textId.substring(2)));
        return texts.stream().filter(t -> t.id().equals(textId)).findFirst();
    }

    /** How many records a rebuild reads (responses and feedback items, with words or without). */
    long count() {
        return responses.total() + feedback.total();
    }

    /** Every comment there is, for a rebuild; {@code seen} hears of each record read, for progress. */
    void forEach(Consumer<IndexedText> consumer, Runnable seen) {
        responses.forEachWithText(texts -> comments(texts).forEach(consumer), seen);
        feedback.forEach(item -> {
            if (item.text() != null) {
                consumer.accept(comment(item));
            }
            seen.run();
        });
        pledges.allReviewTexts().forEach(review -> consumer.accept(comment(review)));
    }

    private static IndexedText comment(uk.chorus.pledges.Circulation.ReviewText review) {
        return new IndexedText(IndexedText.pledgeText(review.organisationId(), review.commitmentId()),
                IndexedText.PLEDGE, IndexedText.PLEDGE_RESPONDENTS - review.organisationId(), null, null, null, null,
                review.organisation(), review.submittedOn(), java.util.Map.of(), review.text(), false, Set.of(),
                Set.of());
    }

    private static List<IndexedText> comments(ResponseRecords.ResponseTexts texts) {
        List<IndexedText> comments = new ArrayList<>();
        for (ResponseRecords.TextAnswer answer : texts.texts()) {
            comments.add(new IndexedText(IndexedText.responseText(texts.responseId(), answer.questionKey()),
                    IndexedText.SURVEY, texts.responseId(), texts.surveyId(), texts.wave(), answer.questionKey(), null,
                    null, texts.submittedAt().atZone(UK).toLocalDate(), texts.about(), answer.text(), texts.youngPeople(),
                    Set.of(), Set.of()));
        }
        return comments;
    }

    private static IndexedText comment(FeedbackRecords.Item item) {
        return new IndexedText(IndexedText.feedbackText(item.id()), IndexedText.FEEDBACK, -item.id(), null, null, null,
                item.channel().code(), item.subject(), item.occurredOn(), item.about(), item.text(), false, Set.of(),
                Set.of());
    }
}
