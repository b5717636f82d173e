package uk.chorus.dataprotection;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.chorus.accounts.Staff;
import uk.chorus.feedback.FeedbackRecords;
import uk.chorus.responses.ResponseRecords;
import uk.chorus.web.Dates;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** What the data-protection pages answer: the form (again), the page confirming erasure, and a copy to download. */
@Singleton
class DataRequestPages {
    private final DataRequests requests;
    private final JsonMapper json;
    private final Messages messages;

    DataRequestPages(DataRequests requests, JsonMapper json, Messages messages) {
        this.requests = requests;
        this.json = json;
        this.messages = messages;
    }

    public record Choice(String id, String value, String label, boolean checked) {
    }

    MutableHttpResponse<?> form(Authentication authentication, HttpStatus status, DataRequestForm typed,
                                FormErrors errors, @Nullable String doneKey) {
        DataRequestForm shown = typed.shown();
        return Pages.render(status, "dataprotection/requests", errors.addTo(Pages.model(
                "titleKey", "requests.title", "staff", Staff.of(authentication), "code", shown.code(),
                "reason", shown.reason(), "actions", List.of(
                        new Choice("action", "export", messages.get("requests.action.export"), !shown.erasing()),
                        new Choice("action-2", "erase", messages.get("requests.action.erase"), shown.erasing())),
                "doneKey", doneKey)));
    }

    /** Nothing held under that code, or nothing this person may see: the same words either way. */
    MutableHttpResponse<?> notHeld(Authentication authentication, DataRequestForm typed) {
        return form(authentication, HttpStatus.UNPROCESSABLE_ENTITY, typed,
                FormErrors.of("code", messages.get("requests.not.held")), null);
    }

    MutableHttpResponse<?> confirmErasure(Staff staff, DataRequestForm typed, ResponseRecords.Held held) {
        return confirm(staff, typed, Map.of("survey", requests.surveyOf(held).title(),
                "reference", held.reference() == null ? "" : held.reference(),
                "submitted", held.submittedAt() == null ? "" : Dates.dateTime(held.submittedAt()),
                "answers", held.answers().size()));
    }

    MutableHttpResponse<?> confirmFeedbackErasure(Staff staff, DataRequestForm typed, FeedbackRecords.Item item) {
        return confirm(staff, typed, Map.of("feedback", true, "survey", messages.get(item.channel().labelKey()),
                "reference", item.reference(), "submitted", Dates.longForm(item.occurredOn()), "answers", 1));
    }

    /** What will go, in words: the survey, the reference or "an unfinished draft", when sent, how many answers. */
    private MutableHttpResponse<?> confirm(Staff staff, DataRequestForm typed, Map<String, Object> held) {
        return Pages.render("dataprotection/confirm-erasure", Pages.model("titleKey", "requests.confirm.title",
                "staff", staff, "code", typed.code(), "reason", typed.reason(), "held", held,
                "backUrl", "/staff/requests"));
    }

    /** A copy of everything held, as a JSON file to download. */
    MutableHttpResponse<?> download(Object copy, String name) {
        try {
            return HttpResponse.ok(json.writeValueAsString(copy)).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"chorus-" + name + ".json\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
