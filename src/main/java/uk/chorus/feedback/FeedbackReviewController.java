package uk.chorus.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Introspected;
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
import uk.chorus.accounts.StaffForm;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.Paging;

import java.util.List;
import java.util.Optional;

import static uk.chorus.feedback.FeedbackInboxController.MOST_UNDER_A_THEME;
import static uk.chorus.feedback.FeedbackInboxController.PAGE_SIZE;

/** Marking the inbox's feedback as reviewed: one item, or a whole page once the lead has said yes. */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/feedback", produces = MediaType.TEXT_HTML)
class FeedbackReviewController {
    private final FeedbackRecords records;
    private final FeedbackThemes themes;
    private final Messages messages;

    FeedbackReviewController(FeedbackRecords records, FeedbackThemes themes, Messages messages) {
        this.records = records;
        this.themes = themes;
        this.messages = messages;
    }

    /**
     * "Mark everything shown as reviewed" asks first, naming how many items it will mark: one
     * slip must not mark a page of families' feedback as dealt with.
     */
    @Get("/review-all")
    MutableHttpResponse<?> confirmReviewAll(Authentication authentication, @Nullable @QueryValue String channel,
                                            @Nullable @QueryValue String subject, @Nullable @QueryValue String from,
                                            @Nullable @QueryValue String to, @Nullable @QueryValue String reviewed,
                                            @Nullable @QueryValue String theme, @Nullable @QueryValue Integer page) {
        InboxQuery query = InboxQuery.read(channel, subject, from, to, reviewed, theme, page);
        Optional<List<Long>> underTheme = query.theme().isEmpty() ? Optional.empty()
                : themes.itemsUnder(query.theme(), MOST_UNDER_A_THEME);
        FeedbackRecords.Filter filter = query.filter(underTheme.orElse(null));
        Paging paging = Paging.of(page, records.count(filter), PAGE_SIZE);
        List<String> references = records.page(filter, true, paging.offset(), PAGE_SIZE).stream()
                .filter(i -> i.reviewedAt() == null).map(FeedbackRecords.Item::reference).toList();
        String back = query.href(paging.page());
        if (references.isEmpty()) {
            return Pages.seeOther(back);
        }
        return Pages.render("feedback/review-all", Pages.model("titleKey", "feedback.review.all.title",
                "staff", Staff.of(authentication), "tab", "inbox", "references", references,
                "question", messages.count("feedback.review.all.question", references.size()),
                "back", back, "backUrl", back));
    }

    /** The items ticked (or every item of the page confirmed), and the inbox page to go back to. */
    @Introspected
    record Reviewed(List<String> reference, String back) {
    }

    @Post(uri = "/reviewed", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> reviewed(@StaffForm Reviewed form, Authentication authentication) {
        // Anything but a reference is ignored rather than refused: the boxes are ours, so it was not typed.
        List<String> references = form.reference().stream().filter(r -> r.matches("FB-[0-9A-Z]{4}-[0-9A-Z]{4}")).toList();
        records.markReviewed(references, Staff.of(authentication).email());
        String back = form.back();
        return Pages.seeOther(back.startsWith("/staff/feedback") && !back.startsWith("//") ? back : "/staff/feedback");
    }

}
