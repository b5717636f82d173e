package uk.chorus.codesign;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import uk.chorus.accounts.Staff;
import uk.chorus.surveys.Option;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.QuestionType;
import uk.chorus.web.Dates;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** One question's page in a design: its checks, the forum's comments (with proposed wordings as differences) and agreement. */
@Singleton
class QuestionPage {
    private final Discussion discussion;
    private final Discussions discussions;
    private final DesignPages pages;
    private final Messages messages;

    QuestionPage(Discussion discussion, Discussions discussions, DesignPages pages, Messages messages) {
        this.discussion = discussion;
        this.discussions = discussions;
        this.pages = pages;
        this.messages = messages;
    }

    MutableHttpResponse<?> render(HttpStatus status, Staff staff, Design design, Question question,
                                  FormErrors errors, String comment, String proposed, @Nullable String saved) {
        Agreements.QuestionState state = discussions.state(design, question.key());
        var checked = pages.checked(question.text(), design.definition().audience());
        List<Map<String, Object>> comments = discussion.comments(design.id()).stream()
                .filter(c -> c.questionKey().equals(question.key()))
                .map(c -> Map.<String, Object>of("id", c.id(), "author", c.author(), "body", c.body(),
                        "proposed", c.proposed() == null ? "" : c.proposed(),
                        "diff", c.proposed() == null ? List.of() : WordDiff.between(c.wordingThen(), c.proposed()),
                        "open", c.open(), "resolution", c.resolution() == null ? "" : messages.get(
                                "codesign.comment.resolution." + c.resolution(), c.resolvedBy()),
                        "at", Dates.shortForm(c.at().atZone(ZoneOffset.UTC).toLocalDate()),
                        "canUse", c.open() && c.proposed() != null && !c.proposed().equals(question.text())))
                .toList();
        boolean listed = question.type() == QuestionType.SINGLE_CHOICE || question.type() == QuestionType.MULTIPLE_CHOICE
                || question.type() == QuestionType.ABOUT_YOU || question.type() == QuestionType.YES_NO
                || question.type().isScale();
        Map<String, Object> model = pages.model(staff, design,
                "title", question.text(), "question", question, "questionType", pages.typeLabel(question.type()),
                "answers", listed ? question.options().stream().map(Option::label).toList() : List.of(),
                "readingAge", checked.readingAge(), "showIf", pages.showIfText(design.definition(), question), "flags", pages.flags(question, design.definition().audience()),
                "problems", DesignChecks.problems(design.definition()).stream()
                        .filter(p -> question.key().equals(p.questionKey())).map(DesignChecks.Problem::message).toList(),
                "state", state, "needed", discussions.needed(),
                "comments", comments, "comment", comment, "proposed", proposed.isEmpty() ? question.text() : proposed,
                "savedMessage", saved == null ? null : savedMessage(saved),
                "questionPath", design.path() + "/questions/" + question.key(),
                "backUrl", design.path() + "#question-" + question.key());
        return Pages.render(status, "codesign/question", errors.addTo(model));
    }

    private String savedMessage(String saved) {
        return switch (saved) {
            case "added", "changed", "comment", "used", "resolved", "agreed", "not-yet" ->
                    messages.get("codesign.question.saved." + saved);
            default -> null;
        };
    }
}
