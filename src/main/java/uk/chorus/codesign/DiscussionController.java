package uk.chorus.codesign;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
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
import uk.chorus.accounts.StaffForm;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

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
    private final QuestionPage page;
    private final Messages messages;

    DiscussionController(Designs designs, Discussion discussion, Discussions discussions, DesignPages pages,
                         QuestionPage page, Messages messages) {
        this.designs = designs;
        this.discussion = discussion;
        this.discussions = discussions;
        this.pages = pages;
        this.page = page;
        this.messages = messages;
    }

    @Get
    MutableHttpResponse<?> show(Authentication authentication, String surveyId, int version, String key,
                                @Nullable @QueryValue String saved) {
        return pages.viewing(authentication, surveyId, version, (staff, design) -> design.definition().question(key)
                .<MutableHttpResponse<?>>map(q -> page.render(HttpStatus.OK, staff, design, q, FormErrors.none(), "", "", saved))
                .orElseGet(Pages::notFound));
    }

    /** A comment, and perhaps new words for the question; checked by {@link Discussions}, which keeps them. */
    @Introspected
    record CommentForm(String comment, String proposed) {
        CommentForm {
            comment = comment.strip();
            proposed = proposed.strip();
        }
    }

    @Post(uri = "/comments", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> comment(Authentication authentication, @StaffForm CommentForm form, String surveyId,
                                   int version, String key) {
        return pages.editing(authentication, surveyId, version, (staff, design) -> design.definition().question(key)
                .<MutableHttpResponse<?>>map(q -> {
                    String body = form.comment();
                    String proposed = form.proposed();
                    return switch (discussions.comment(design, q, staff, body, proposed)) {
                        case Discussions.Said.Saved ignored -> Pages.seeOther(design.path() + "/questions/" + key
                                + "?saved=comment#comments");
                        case Discussions.Said.Invalid invalid -> page.render(HttpStatus.UNPROCESSABLE_ENTITY, staff,
                                design, q, FormErrors.of(invalid.field(), messages.get(invalid.messageKey(),
                                        LONGEST_COMMENT)), body, proposed, null);
                    };
                })
                .orElseGet(Pages::notFound));
    }

    /** "Use this wording" (the proposal becomes the question's words) or "Mark as dealt with". */
    @Introspected
    record Resolution(String action) {
    }

    @Post(uri = "/comments/{commentId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> resolve(Authentication authentication, @StaffForm Resolution form, String surveyId,
                                   int version, String key, long commentId) {
        boolean use = "use".equals(form.action());
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

    @Introspected
    record AgreementForm(String agree) {
    }

    @Post(uri = "/agreement", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> agreement(Authentication authentication, @StaffForm AgreementForm form, String surveyId,
                                     int version, String key) {
        boolean agrees = "yes".equals(form.agree());
        return pages.editing(authentication, surveyId, version, (staff, design) -> design.definition().question(key)
                .<MutableHttpResponse<?>>map(q -> {
                    discussion.mark(design.id(), q, staff.accountId(), staff.name(), agrees);
                    return Pages.seeOther(design.path() + "/questions/" + key + "?saved=" + (agrees ? "agreed" : "not-yet"));
                })
                .orElseGet(Pages::notFound));
    }
}
