package uk.chorus.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForms;
import uk.chorus.mail.MailSender;
import uk.chorus.web.Dates;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Handling one item: reply to the person (when they left an address), sort Local Offer feedback
 * and write the response the annual report shows, or set a vexatious item aside with the reason.
 * Each form saves only its own fields; a wrong one comes back with what was typed.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/feedback/items/{reference}/handling", produces = MediaType.TEXT_HTML)
class FeedbackHandlingController {
    private static final int LONGEST_REPLY = 5000;
    private static final int LONGEST_RESPONSE = 2000;
    private static final int LONGEST_REASON = 1000;
    private final FeedbackRecords records;
    private final FeedbackHandling handling;
    private final MailSender mail;
    private final Messages messages;

    FeedbackHandlingController(FeedbackRecords records, FeedbackHandling handling, MailSender mail, Messages messages) {
        this.records = records;
        this.handling = handling;
        this.mail = mail;
        this.messages = messages;
    }

    public record Choice(String id, String value, String label, boolean checked) {
    }

    /** What the person typed into one of the forms, shown again when it was wrong. */
    record Typed(String reply, @Nullable String category, String response, String reason) {
    }

    @Get
    MutableHttpResponse<?> show(Authentication authentication, String reference) {
        return records.byReference(reference).<MutableHttpResponse<?>>map(item -> page(authentication, item, null,
                FormErrors.none(), HttpStatus.OK)).orElseGet(Pages::notFound);
    }

    @Post(uri = "/reply", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> reply(HttpRequest<byte[]> request, Authentication authentication, String reference) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Optional<FeedbackRecords.Item> item = records.byReference(reference);
        if (item.isEmpty()) {
            return Pages.notFound();
        }
        String words = StaffForms.first(form.get(), "reply").strip();
        if (words.isEmpty() || words.length() > LONGEST_REPLY) {
            return page(authentication, item.get(), new Typed(words, null, "", ""),
                    FormErrors.of("reply", messages.get("feedback.handling.error.reply", LONGEST_REPLY)),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        if (!handling.reply(item.get().id(), reference, words, Staff.of(authentication).email())) {
            // Replied already (another lead, or a second press): the address is gone, and nothing more is sent.
            return page(authentication, item.get(), null,
                    FormErrors.of("reply-sent", messages.get("feedback.handling.error.no.address")), HttpStatus.CONFLICT);
        }
        return Pages.seeOther(path(reference) + "?done=replied");
    }

    @Post(uri = "/sort", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> sort(HttpRequest<byte[]> request, Authentication authentication, String reference) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Optional<FeedbackRecords.Item> item = records.byReference(reference);
        if (item.isEmpty() || item.get().channel() != Channel.LOCAL_OFFER) {
            return Pages.notFound();
        }
        String category = StaffForms.first(form.get(), "category");
        String response = StaffForms.first(form.get(), "response").strip();
        FormErrors errors = FormErrors.none();
        if (!category.isEmpty() && !FeedbackHandling.CATEGORIES.contains(category)) {
            errors.add("category", messages.get("feedback.handling.error.category"));
        }
        if (response.length() > LONGEST_RESPONSE) {
            errors.add("response", messages.get("feedback.handling.error.response", LONGEST_RESPONSE));
        }
        if (errors.any()) {
            return page(authentication, item.get(), new Typed("", category, response, ""), errors,
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        handling.sort(item.get().id(), category.isEmpty() ? null : category, response.isEmpty() ? null : response,
                Staff.of(authentication).email());
        return Pages.seeOther(path(reference) + "?done=sorted");
    }

    @Post(uri = "/set-aside", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> setAside(HttpRequest<byte[]> request, Authentication authentication, String reference) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Optional<FeedbackRecords.Item> item = records.byReference(reference);
        if (item.isEmpty()) {
            return Pages.notFound();
        }
        String by = Staff.of(authentication).email();
        if ("restore".equals(StaffForms.first(form.get(), "action"))) {
            handling.setAside(item.get().id(), null, by);
            return Pages.seeOther(path(reference) + "?done=restored");
        }
        String reason = StaffForms.first(form.get(), "reason").strip();
        if (reason.isEmpty() || reason.length() > LONGEST_REASON) {
            return page(authentication, item.get(), new Typed("", null, "", reason),
                    FormErrors.of("reason", messages.get("feedback.handling.error.reason", LONGEST_REASON)),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        handling.setAside(item.get().id(), reason, by);
        return Pages.seeOther(path(reference) + "?done=set-aside");
    }

    private static String path(String reference) {
        return "/staff/feedback/items/" + reference + "/handling";
    }

    private MutableHttpResponse<?> page(Authentication authentication, FeedbackRecords.Item item, @Nullable Typed typed,
                                        FormErrors errors, HttpStatus status) {
        FeedbackHandling.Handling now = handling.of(item.id());
        String category = typed != null && typed.category() != null ? typed.category()
                : now.category() == null ? "" : now.category();
        List<Choice> categories = new ArrayList<>();
        categories.add(new Choice("category", "", messages.get("feedback.handling.category.none"), category.isEmpty()));
        for (String c : FeedbackHandling.CATEGORIES) {
            categories.add(new Choice("category-" + c, c, messages.get("feedback.category." + c), c.equals(category)));
        }
        Map<String, Object> model = Pages.model("title", messages.get("feedback.handling.title", item.reference()),
                "staff", Staff.of(authentication), "tab", "inbox", "item", item,
                "date", Dates.longForm(item.occurredOn()), "channel", messages.get(item.channel().labelKey()),
                "localOffer", item.channel() == Channel.LOCAL_OFFER, "awaitsReply", handling.awaitsReply(item.id()),
                "mailConfigured", mail.configured(), "handling", now,
                "repliedAt", now.repliedAt() == null ? null : Dates.longForm(now.repliedAt()),
                "setAsideAt", now.setAsideAt() == null ? null : Dates.longForm(now.setAsideAt()),
                "categories", categories,
                "reply", typed == null ? "" : typed.reply(),
                "response", typed != null && typed.category() != null ? typed.response()
                        : now.response() == null ? "" : now.response(),
                "reason", typed == null ? "" : typed.reason(),
                "backUrl", "/staff/feedback/items/" + item.reference());
        return Pages.render(status, "feedback/handling", errors.addTo(model));
    }
}
