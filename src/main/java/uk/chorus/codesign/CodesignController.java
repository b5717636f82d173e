package uk.chorus.codesign;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.handlebars.HandlebarsViewsRenderer;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.surveys.Audience;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.Page;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.web.Dates;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.PublicAddress;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Co-design for forums and leads: every survey's questions checked for plain language (reading
 * age, long sentences, SEND jargon with plainer words, questions that ask two things or lead), and
 * a poster for each survey with its public link and a QR code (SVG and PNG).
 */
@Secured({Role.LEAD_NAME, Role.PARENT_FORUM_NAME, Role.YOUTH_FORUM_NAME})
@Controller(value = "/staff/codesign", produces = MediaType.TEXT_HTML)
class CodesignController {
    private final SurveyCatalogue catalogue;
    private final PlainLanguage plain;
    private final PublicAddress address;
    private final HandlebarsViewsRenderer<Map<String, Object>, HttpRequest<?>> views;
    private final Messages messages;

    CodesignController(SurveyCatalogue catalogue, PlainLanguage plain, PublicAddress address,
                       HandlebarsViewsRenderer<Map<String, Object>, HttpRequest<?>> views, Messages messages) {
        this.catalogue = catalogue;
        this.plain = plain;
        this.address = address;
        this.views = views;
        this.messages = messages;
    }

    public record Listed(String id, String title, String audience, long flagged, long questions) {
    }

    public record CheckedQuestion(String key, String text, int readingAge, List<Map<String, String>> flags) {
    }

    @Get
    MutableHttpResponse<?> list(Authentication authentication) {
        List<Listed> surveys = new ArrayList<>();
        for (LiveSurvey survey : catalogue.all()) {
            List<CheckedQuestion> checked = checked(survey);
            surveys.add(new Listed(survey.id(), survey.definition().title(),
                    messages.get("codesign.audience." + survey.definition().audience().fileName()),
                    checked.stream().filter(q -> !q.flags().isEmpty()).count(), checked.size()));
        }
        return Pages.render("codesign/list", Pages.model("titleKey", "codesign.list.title",
                "staff", Staff.of(authentication), "surveys", surveys));
    }

    @Get("/{surveyId}/checks")
    MutableHttpResponse<?> checks(Authentication authentication, String surveyId) {
        Optional<LiveSurvey> survey = catalogue.find(surveyId);
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        boolean young = survey.get().definition().audience() == Audience.YOUNG_PEOPLE;
        return Pages.render("codesign/checks", Pages.model("title", messages.get("codesign.checks.title",
                        survey.get().definition().title()), "staff", Staff.of(authentication), "survey", survey.get(),
                "young", young, "limit", PlainLanguage.readingAge(young ? PlainLanguage.YOUNG_PEOPLE_GRADE
                        : PlainLanguage.FAMILY_GRADE),
                "questions", checked(survey.get()), "backUrl", "/staff/codesign"));
    }

    @Get("/{surveyId}/poster")
    MutableHttpResponse<?> poster(Authentication authentication, String surveyId) {
        Optional<LiveSurvey> survey = catalogue.find(surveyId);
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        String link = link(surveyId);
        return Pages.render("codesign/poster", Pages.model("title", survey.get().definition().title(),
                "staff", Staff.of(authentication), "survey", survey.get(), "link", link, "qr", QrCodes.svg(link),
                "closes", Dates.longForm(survey.get().definition().closes()), "backUrl", "/staff/codesign"));
    }

    @Get(uri = "/{surveyId}/qr.png", produces = "image/png")
    MutableHttpResponse<?> png(String surveyId) {
        return catalogue.find(surveyId).<MutableHttpResponse<?>>map(s -> HttpResponse.ok(QrCodes.png(link(surveyId), 16))
                .contentType(MediaType.IMAGE_PNG_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + surveyId + "-qr.png\""))
                .orElseGet(Pages::notFound);
    }

    @Get(uri = "/{surveyId}/qr.svg", produces = "image/svg+xml")
    MutableHttpResponse<?> svg(String surveyId) {
        Optional<LiveSurvey> survey = catalogue.find(surveyId);
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        StringWriter svg = new StringWriter();
        try {
            views.render("codesign/qr-file", Map.of("qr", QrCodes.svg(link(surveyId)), "title",
                    messages.get("codesign.poster.qr.title", survey.get().definition().title())), null).writeTo(svg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(svg.toString().getBytes(StandardCharsets.UTF_8))
                .contentType(new MediaType("image/svg+xml"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + surveyId + "-qr.svg\"");
    }

    /** The survey's public start page: the short link a poster carries. */
    private String link(String surveyId) {
        return address.link("/s/" + surveyId);
    }

    private List<CheckedQuestion> checked(LiveSurvey survey) {
        boolean young = survey.definition().audience() == Audience.YOUNG_PEOPLE;
        List<CheckedQuestion> questions = new ArrayList<>();
        for (Page page : survey.definition().pages()) {
            for (Question question : page.questions()) {
                PlainLanguage.Checked checked = plain.check(question.text(), young);
                List<Map<String, String>> flags = checked.flags().stream().map(f -> Map.of("text",
                        messages.get("codesign.flag." + f.kind(), f.detail(), f.suggestion()))).toList();
                questions.add(new CheckedQuestion(question.key(), question.text(), checked.readingAge(), flags));
            }
        }
        return questions;
    }
}
