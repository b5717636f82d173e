package uk.chorus.codesign;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.HttpStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.handlebars.HandlebarsViewsRenderer;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForms;
import uk.chorus.surveys.DefinitionProblem;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyFileParser;
import uk.chorus.surveys.SurveyFileResult;
import uk.chorus.surveys.SurveyFileWriter;
import uk.chorus.surveys.Audience;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.Page;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.web.Dates;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.PublicAddress;
import uk.chorus.web.Uploads;

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
 * a poster for each survey with its public link and a QR code (SVG and PNG); each survey as a
 * file, and any file checked as the start-up loader would check it.
 */
@Secured({Role.LEAD_NAME, Role.PARENT_FORUM_NAME, Role.YOUTH_FORUM_NAME})
@Controller(value = "/staff/codesign", produces = MediaType.TEXT_HTML)
class CodesignController {
    private final SurveyCatalogue catalogue;
    private final PlainLanguage plain;
    private final PublicAddress address;
    private final HandlebarsViewsRenderer<Map<String, Object>, HttpRequest<?>> views;
    private final Messages messages;
    private final uk.chorus.audit.AuditLog audit;
    private final Designs designs;
    private final DesignPages designPages;
    private final Workflow workflow;

    CodesignController(SurveyCatalogue catalogue, PlainLanguage plain, PublicAddress address,
                       HandlebarsViewsRenderer<Map<String, Object>, HttpRequest<?>> views, Messages messages,
                       uk.chorus.audit.AuditLog audit, Designs designs, DesignPages designPages, Workflow workflow) {
        this.audit = audit;
        this.designs = designs;
        this.designPages = designPages;
        this.workflow = workflow;
        this.catalogue = catalogue;
        this.plain = plain;
        this.address = address;
        this.views = views;
        this.messages = messages;
    }

    public record Listed(String id, String title, String audience, long flagged, long questions, boolean canDesign,
                         String designPath) {
    }

    public record Designed(String title, String path, int version, String status, String colour, String audience) {
    }

    public record CheckedQuestion(String key, String text, int readingAge, List<Map<String, String>> flags) {
    }

    @Get
    MutableHttpResponse<?> list(Authentication authentication) {
        return listPage(authentication, HttpStatus.OK, FormErrors.none(), Map.of());
    }

    private MutableHttpResponse<?> listPage(Authentication authentication, HttpStatus status, FormErrors errors,
                                            Map<String, Object> extra) {
        Staff staff = Staff.of(authentication);
        List<Designed> designed = new ArrayList<>();
        Map<String, String> designPaths = new java.util.HashMap<>();
        for (Design design : designs.newestOfEach()) {
            if (!workflow.canView(staff, design.definition())) {
                continue;
            }
            designPaths.put(design.surveyId(), design.path());
            designed.add(new Designed(design.definition().title(), design.path(), design.version(),
                    designPages.statusLabel(design.status()), DesignPages.colour(design.status()),
                    messages.get("codesign.audience." + design.definition().audience().fileName())));
        }
        List<Listed> surveys = new ArrayList<>();
        for (LiveSurvey survey : catalogue.all()) {
            List<CheckedQuestion> checked = checked(survey);
            surveys.add(new Listed(survey.id(), survey.definition().title(),
                    messages.get("codesign.audience." + survey.definition().audience().fileName()),
                    checked.stream().filter(q -> !q.flags().isEmpty()).count(), checked.size(),
                    workflow.canEdit(staff, survey.definition()), designPaths.get(survey.id())));
        }
        Map<String, Object> model = Pages.model("titleKey", "codesign.list.title", "staff", staff,
                "surveys", surveys, "designs", designed, "canLoad", staff.is(Role.LEAD));
        model.putAll(extra);
        return Pages.render(status, "codesign/list", errors.addTo(model));
    }

    /** The checks for words being typed, for the builder's question form to show as the forum types. */
    @Get(uri = "/plain-language", produces = MediaType.APPLICATION_JSON)
    Map<String, Object> plainLanguage(@Nullable @io.micronaut.http.annotation.QueryValue String text,
                                      @Nullable @io.micronaut.http.annotation.QueryValue String audience) {
        String words = text == null ? "" : text.length() > 2000 ? text.substring(0, 2000) : text;
        Audience who = Audience.fromFileName(audience == null ? "" : audience).orElse(Audience.PARENTS_CARERS);
        if (words.isBlank()) {
            return Map.of("readingAge", "", "flags", List.of());
        }
        return Map.of("readingAge", designPages.readingAge(words, who), "flags", designPages.flags(words, who));
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

    /** The survey as a file in the surveys/ format, to keep, edit and load again. */
    @Get(uri = "/{surveyId}/export.yml", produces = "application/yaml")
    MutableHttpResponse<?> export(String surveyId) {
        return catalogue.find(surveyId).<MutableHttpResponse<?>>map(s -> HttpResponse.ok(
                        SurveyFileWriter.write(s.definition()).getBytes(StandardCharsets.UTF_8))
                .contentType(new MediaType("application/yaml; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + surveyId + ".yml\""))
                .orElseGet(Pages::notFound);
    }

    /**
     * Checks a survey file with exactly the checks and messages of the start-up loader, so a forum
     * can fix a file before a lead puts it in surveys/.
     */
    @Post(uri = "/check", consumes = MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> checkFile(Authentication authentication, @Nullable @Part("_csrf") String csrf,
                                     @Nullable @Part("file") CompletedFileUpload file,
                                     @Nullable @Part("load") String load,
                                     @Nullable @Part("design") String design) throws IOException {
        if (!StaffForms.csrfMatches(authentication, csrf)) {
            return Pages.expiredForm();
        }
        if (file == null || file.getSize() == 0) {
            return listPage(authentication, HttpStatus.UNPROCESSABLE_ENTITY,
                    FormErrors.of("file", messages.get("codesign.check.error.no.file")), Map.of());
        }
        String name = file.getFilename() == null || file.getFilename().isBlank() ? "survey.yml" : file.getFilename();
        Optional<String> content = Uploads.utf8(file.getBytes());
        if (content.isEmpty()) {
            return listPage(authentication, HttpStatus.UNPROCESSABLE_ENTITY,
                    FormErrors.of("file", messages.get("codesign.check.error.not.utf8")), Map.of());
        }
        SurveyFileResult result = new SurveyFileParser().parse(name, content.get());
        if (!result.ok()) {
            return listPage(authentication, HttpStatus.UNPROCESSABLE_ENTITY, FormErrors.of("file",
                    messages.count("codesign.check.error.problems", result.problems().size())),
                    Map.of("problems", result.problems().stream().map(DefinitionProblem::toString).toList()));
        }
        SurveyDefinition definition = result.definition().orElseThrow();
        long questions = definition.pages().stream().mapToLong(p -> p.questions().size()).sum();
        Staff staff = Staff.of(authentication);
        if ("yes".equals(design)) {
            // Into the builder as a draft, for the forum to discuss and agree before a lead makes it live.
            return switch (workflow.draftFromFile(definition, staff)) {
                case Workflow.Outcome.Moved moved -> Pages.seeOther(moved.design().path());
                case Workflow.Outcome.Forbidden forbidden -> listPage(authentication, HttpStatus.FORBIDDEN,
                        FormErrors.of("file", messages.get(forbidden.messageKey(), messages.get("codesign.forum." + Workflow.forumOf(staff)))), Map.of());
                case Workflow.Outcome.Refused refused -> listPage(authentication, HttpStatus.CONFLICT,
                        FormErrors.of("file", messages.get(refused.messageKey(), refused.args())), Map.of());
            };
        }
        if ("yes".equals(load) && staff.is(Role.LEAD)) {
            // Stored as a version in PostgreSQL: served here at once, and by every other instance within seconds.
            catalogue.load(name, content.get());
            audit.record(staff.email(), "survey loaded from the browser", definition.id(), name);
            return listPage(authentication, HttpStatus.OK, FormErrors.none(), Map.of("checkedFile",
                    messages.get("codesign.check.loaded", definition.title(), "/s/" + definition.id())));
        }
        return listPage(authentication, HttpStatus.OK, FormErrors.none(), Map.of("checkedFile",
                messages.get("codesign.check.ok", name, definition.title(), definition.pages().size(), questions)));
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
                List<Map<String, String>> flags = designPages.flags(question, survey.definition().audience()).stream()
                        .map(f -> Map.of("text", f)).toList();
                questions.add(new CheckedQuestion(question.key(), question.text(), checked.readingAge(), flags));
            }
        }
        return questions;
    }
}
