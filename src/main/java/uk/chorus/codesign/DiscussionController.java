package uk.chorus.codesign;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForms;
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
import java.util.Optional;

/**
 * One question and what the forum says about it: its plain-language checks, comments (a proposed
 * wording shown as a before/after difference, which an editor can use in one step), and each
 * person's agree / not yet.
 */
@Secured({Role.LEAD_NAME, Role.PARENT_FORUM_NAME, Role.YOUTH_FORUM_NAME})
@Controller(value = "/staff/codesign/designs/{surveyId}/{version:[0-9]+}/questions/{key}", produces = MediaType.TEXT_HTML)
class DiscussionController {
    private static final int LONGEST_COMMENT = 5000;

    private final Designs designs;
    private final Discussion discussion;
    private final Discussions discussions;
    private final DesignPages pages;
    private final Messages messages;

    DiscussionController(Designs designs, Discussion discussion, Discussions discussions, DesignPages pages,
                         Messages messages) {
        this.designs = designs;
        this.discussion = discussion;
        this.discussions = discussions;
        this.pages = pages;
        this.messages = messages;
    }

    @Get
    MutableHttpResponse<?> show(Authentication authentication, String surveyId, int version, String key,
                                @Nullable @QueryValue String saved) {
        return pages.viewing(authentication, surveyId, version, (staff, design) -> design.definition().question(key)
                .<MutableHttpResponse<?>>map(q -> questionPage(HttpStatus.OK, staff, design, q, FormErrors.none(), "", "", saved))
                .orElseGet(Pages::notFound));
    }

    @Post(uri = "/comments", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> comment(Authentication authentication, HttpRequest<byte[]> request, String surveyId,
                                   int version, String key) {
        Optional<Map<String, List<String>>> form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        return pages.editing(authentication, surveyId, version, (staff, design) -> design.definition().question(key)
                .<MutableHttpResponse<?>>map(q -> {
                    String body = StaffForms.first(form.get(), "comment").strip();
                    String proposed = StaffForms.first(form.get(), "proposed").strip();
                    return switch (discussions.comment(design, q, staff, body, proposed)) {
                        case Discussions.Said.Saved ignored -> Pages.seeOther(design.path() + "/questions/" + key
                                + "?saved=comment#comments");
                        case Discussions.Said.Invalid invalid -> questionPage(HttpStatus.UNPROCESSABLE_ENTITY, staff,
                                design, q, FormErrors.of(invalid.field(), messages.get(invalid.messageKey(),
                                        LONGEST_COMMENT)), body, proposed, null);
                    };
                })
                .orElseGet(Pages::notFound));
    }

    /** "Use this wording" (the proposal becomes the question's words) or "Mark as dealt with". */
    @Post(uri = "/comments/{commentId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> resolve(Authentication authentication, HttpRequest<byte[]> request, String surveyId,
                                   int version, String key, long commentId) {
        Optional<Map<String, List<String>>> form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        boolean use = "use".equals(StaffForms.first(form.get(), "action"));
        return pages.editing(authentication, surveyId, version, (staff, design) -> {
            Optional<Discussion.Comment> found = discussion.comments(design.id()).stream()
                    .filter(c -> c.id() == commentId && c.questionKey().equals(key)).findFirst();
            if (found.isEmpty() || design.definition().question(key).isEmpty()) {
                return Pages.notFound();
            }
            discussions.resolve(design, found.get(), staff, use);
            return Pages.seeOther(design.path() + "/questions/" + key + "?saved=" + (use ? "used" : "resolved")
                    + "#comments");
        });
    }

    @Post(uri = "/agreement", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> agreement(Authentication authentication, HttpRequest<byte[]> request, String surveyId,
                                     int version, String key) {
        Optional<Map<String, List<String>>> form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        boolean agrees = "yes".equals(StaffForms.first(form.get(), "agree"));
        return pages.editing(authentication, surveyId, version, (staff, design) -> design.definition().question(key)
                .<MutableHttpResponse<?>>map(q -> {
                    discussion.mark(design.id(), q, staff.accountId(), staff.name(), agrees);
                    return Pages.seeOther(design.path() + "/questions/" + key + "?saved=" + (agrees ? "agreed" : "not-yet"));
                })
                .orElseGet(Pages::notFound));
    }

    private MutableHttpResponse<?> questionPage(HttpStatus status, Staff staff, Design design, Question question,
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
