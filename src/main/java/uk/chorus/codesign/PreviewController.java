package uk.chorus.codesign;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.responses.SurveyPreview;
import uk.chorus.web.FormBody;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.RequestBody;

/**
 * The preview: any version of a design, inside a phone-sized frame (360 by 640 CSS pixels), walked
 * exactly as a respondent will walk it, branching included. The frame's pages are the respondent's
 * own; the answers typed into them are kept in memory only and never counted.
 */
@Secured({Role.LEAD_NAME, Role.PARENT_FORUM_NAME, Role.YOUTH_FORUM_NAME})
@Controller(value = "/staff/codesign/designs/{surveyId}/{version:[0-9]+}/preview", produces = MediaType.TEXT_HTML)
class PreviewController {
    private final DesignPages pages;
    private final SurveyPreview preview;
    private final Messages messages;

    PreviewController(DesignPages pages, SurveyPreview preview, Messages messages) {
        this.pages = pages;
        this.preview = preview;
        this.messages = messages;
    }

    @Get
    MutableHttpResponse<?> phone(Authentication authentication, String surveyId, int version) {
        return pages.viewing(authentication, surveyId, version, (staff, design) -> Pages.render("codesign/preview",
                pages.model(staff, design, "title", messages.get("codesign.preview.title", design.definition().title()),
                        "frameUrl", frame(design), "backUrl", design.path())));
    }

    @Get("/frame")
    MutableHttpResponse<?> start(Authentication authentication, String surveyId, int version) {
        return pages.viewing(authentication, surveyId, version, (staff, design) ->
                preview.start(design.definition(), frame(design)));
    }

    @Get("/frame/begin")
    MutableHttpResponse<?> begin(Authentication authentication, String surveyId, int version) {
        return pages.viewing(authentication, surveyId, version, (staff, design) ->
                preview.begin(design.definition(), frame(design)));
    }

    @Get("/frame/{walk}/page/{number}")
    MutableHttpResponse<?> page(Authentication authentication, String surveyId, int version, String walk, int number,
                                @Nullable @QueryValue Boolean change) {
        return pages.viewing(authentication, surveyId, version, (staff, design) ->
                preview.page(design.definition(), frame(design), walk, number, Boolean.TRUE.equals(change)));
    }

    @Post(uri = "/frame/{walk}/page/{number}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(Authentication authentication, HttpRequest<byte[]> request, String surveyId, int version,
                                String walk, int number, @Nullable @QueryValue Boolean change) {
        var form = FormBody.parse(RequestBody.bytes(request));
        if (form.isEmpty()) {
            return Pages.badForm();
        }
        return pages.viewing(authentication, surveyId, version, (staff, design) ->
                preview.save(design.definition(), frame(design), walk, number, Boolean.TRUE.equals(change), form.get()));
    }

    @Get("/frame/{walk}/check")
    MutableHttpResponse<?> check(Authentication authentication, String surveyId, int version, String walk) {
        return pages.viewing(authentication, surveyId, version, (staff, design) ->
                preview.check(design.definition(), frame(design), walk, false));
    }

    @Post(uri = "/frame/{walk}/send", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    MutableHttpResponse<?> send(Authentication authentication, String surveyId, int version, String walk) {
        return pages.viewing(authentication, surveyId, version, (staff, design) ->
                preview.send(design.definition(), frame(design), walk));
    }

    private static String frame(Design design) {
        return design.path() + "/preview/frame";
    }
}
