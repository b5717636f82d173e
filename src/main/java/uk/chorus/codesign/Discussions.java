package uk.chorus.codesign;

import jakarta.inject.Singleton;
import uk.chorus.accounts.Staff;
import uk.chorus.surveys.Question;

/**
 * What a comment does: checked and stored, and, when an editor uses its proposed words, the
 * question reworded and the comment closed in one go. Shared by the pages and the API.
 */
@Singleton
public class Discussions {
    static final int LONGEST_COMMENT = 5000;

    private final Designs designs;
    private final Discussion discussion;
    private final Agreements agreements;
    private final uk.chorus.web.Messages messages;

    Discussions(Designs designs, Discussion discussion, Agreements agreements, uk.chorus.web.Messages messages) {
        this.messages = messages;
        this.designs = designs;
        this.discussion = discussion;
        this.agreements = agreements;
    }

    public sealed interface Said {
        record Saved(long commentId) implements Said {
        }

        record Invalid(String field, String messageKey) implements Said {
        }
    }

    public Said comment(Design design, Question question, Staff staff, String body, String proposed) {
        String wording = proposed == null ? "" : proposed.strip();
        boolean proposes = !wording.isEmpty() && !wording.equals(question.text());
        if ((body == null || body.isBlank()) && !proposes) {
            return new Said.Invalid("comment", "codesign.comment.error.empty");
        }
        if (body != null && body.length() > LONGEST_COMMENT) {
            return new Said.Invalid("comment", "codesign.comment.error.long");
        }
        if (wording.length() > QuestionForm.LONGEST_TEXT) {
            return new Said.Invalid("proposed", "codesign.comment.error.proposed.long");
        }
        String text = body == null || body.isBlank() ? messages.get("codesign.comment.proposal.only") : body.strip();
        String proposal = proposes ? wording : null;
        // The same words from the same person a moment ago are a second press of "Add", not a second comment.
        java.time.Instant recently = java.time.Instant.now().minus(java.time.Duration.ofMinutes(10));
        for (Discussion.Comment earlier : discussion.comments(design.id())) {
            if (earlier.questionKey().equals(question.key()) && earlier.author().equals(staff.name())
                    && earlier.body().equals(text) && java.util.Objects.equals(earlier.proposed(), proposal)
                    && earlier.at().isAfter(recently)) {
                return new Said.Saved(earlier.id());
            }
        }
        return new Said.Saved(discussion.comment(design.id(), question.key(), staff.name(), text, question.text(),
                proposal));
    }

    public void resolve(Design design, Discussion.Comment comment, Staff staff, boolean use) {
        if (use && comment.proposed() != null) {
            designs.edit(design.id(), staff.email(), survey -> survey.question(comment.questionKey())
                    .map(q -> DesignEditor.replaceQuestion(survey, reworded(q, comment.proposed())))
                    .orElse(survey));
        }
        discussion.resolve(design.id(), comment.id(), staff.name(), use && comment.proposed() != null ? "used" : "done");
    }

    public Agreements.QuestionState state(Design design, String key) {
        return agreements.summarise(design).of(key);
    }

    public int needed() {
        return agreements.needed();
    }

    private static Question reworded(Question q, String text) {
        return new Question(q.key(), q.type(), text, q.hint(), q.easyRead(), q.required(), q.options(), q.maxLength(),
                q.min(), q.max(), q.showIf(), q.about(), q.errorMessage(), q.lowLabel(), q.highLabel(), q.supportBox(),
                q.better());
    }
}
