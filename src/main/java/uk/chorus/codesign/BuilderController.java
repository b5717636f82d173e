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
import uk.chorus.surveys.AboutYouTopic;
import uk.chorus.surveys.Page;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.QuestionType;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The survey builder, as plain forms that work without JavaScript: add a question (its type first,
 * then only the fields that type takes), change it, move it up or down (across pages), remove it;
 * name, move and remove pages. Every change is saved at once and the forum sees the loader's checks
 * and the plain-language flags on the next page.
 */
@Secured({Role.LEAD_NAME, Role.PARENT_FORUM_NAME, Role.YOUTH_FORUM_NAME})
@Controller(value = "/staff/codesign/designs/{surveyId}/{version:[0-9]+}", produces = MediaType.TEXT_HTML)
class BuilderController {
    private final Designs designs;
    private final DesignPages pages;
    private final Messages messages;

    BuilderController(Designs designs, DesignPages pages, Messages messages) {
        this.designs = designs;
        this.pages = pages;
        this.messages = messages;
    }

    @Get("/add-question")
    MutableHttpResponse<?> chooseType(Authentication authentication, String surveyId, int version,
                                      @Nullable @QueryValue Integer page) {
        return pages.editing(authentication, surveyId, version, (staff, design) ->
                typePage(HttpStatus.OK, staff, design, page == null ? 0 : page, null, null, FormErrors.none()));
    }

    @Post(uri = "/add-question", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> typeChosen(Authentication authentication, HttpRequest<byte[]> request, String surveyId,
                                      int version) {
        Optional<Map<String, List<String>>> form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        return pages.editing(authentication, surveyId, version, (staff, design) -> {
            int page = pageNumber(StaffForms.first(form.get(), "page"));
            Optional<QuestionType> type = QuestionType.fromFileName(StaffForms.first(form.get(), "type"));
            if (type.isEmpty()) {
                return typePage(HttpStatus.UNPROCESSABLE_ENTITY, staff, design, page, null, null,
                        FormErrors.of("type-" + QuestionType.SINGLE_CHOICE.fileName(),
                                messages.get("codesign.question.error.type")));
            }
            return Pages.seeOther(design.path() + "/add-question/" + type.get().fileName() + "?page=" + page);
        });
    }

    @Get("/add-question/{type}")
    MutableHttpResponse<?> newQuestion(Authentication authentication, String surveyId, int version, String type,
                                       @Nullable @QueryValue Integer page) {
        return pages.editing(authentication, surveyId, version, (staff, design) -> QuestionType.fromFileName(type)
                .<MutableHttpResponse<?>>map(t -> questionPage(HttpStatus.OK, staff, design, t, null, page == null ? 0 : page,
                        QuestionForm.values(null), Map.of()))
                .orElseGet(Pages::notFound));
    }

    @Post(uri = "/add-question/{type}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> addQuestion(Authentication authentication, HttpRequest<byte[]> request, String surveyId,
                                       int version, String type) {
        Optional<Map<String, List<String>>> form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        return pages.editing(authentication, surveyId, version, (staff, design) -> {
            Optional<QuestionType> questionType = QuestionType.fromFileName(type);
            if (questionType.isEmpty()) {
                return Pages.notFound();
            }
            int page = pageNumber(StaffForms.first(form.get(), "page"));
            QuestionForm.Read read = QuestionForm.read(form.get(), questionType.get(), null, design.definition());
            if (!read.ok()) {
                return questionPage(HttpStatus.UNPROCESSABLE_ENTITY, staff, design, questionType.get(), null, page,
                        read.values(), read.errors());
            }
            Optional<Question> already = DesignEditor.sameQuestion(design.definition(), read.question());
            if (already.isPresent()) {
                return Pages.seeOther(design.path() + "/questions/" + already.get().key() + "?saved=added");
            }
            return save(staff, design, s -> DesignEditor.addQuestion(s, page, read.question()),
                    "/questions/" + read.question().key() + "?saved=added");
        });
    }

    @Get("/questions/{key}/edit")
    MutableHttpResponse<?> edit(Authentication authentication, String surveyId, int version, String key,
                                @Nullable @QueryValue String type) {
        return pages.editing(authentication, surveyId, version, (staff, design) -> design.definition().question(key)
                .<MutableHttpResponse<?>>map(q -> {
                    QuestionType shown = type == null ? q.type() : QuestionType.fromFileName(type).orElse(q.type());
                    return questionPage(HttpStatus.OK, staff, design, shown, q, 0, QuestionForm.values(q), Map.of());
                })
                .orElseGet(Pages::notFound));
    }

    @Post(uri = "/questions/{key}/edit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> saveQuestion(Authentication authentication, HttpRequest<byte[]> request, String surveyId,
                                        int version, String key) {
        Optional<Map<String, List<String>>> form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        return pages.editing(authentication, surveyId, version, (staff, design) -> {
            Optional<Question> existing = design.definition().question(key);
            Optional<QuestionType> type = QuestionType.fromFileName(StaffForms.first(form.get(), "type"));
            if (existing.isEmpty() || type.isEmpty()) {
                return Pages.notFound();
            }
            QuestionForm.Read read = QuestionForm.read(form.get(), type.get(), existing.get(), design.definition());
            if (!read.ok()) {
                return questionPage(HttpStatus.UNPROCESSABLE_ENTITY, staff, design, type.get(), existing.get(), 0,
                        read.values(), read.errors());
            }
            return save(staff, design, s -> DesignEditor.replaceQuestion(s, read.question()),
                    "/questions/" + key + "?saved=changed");
        });
    }

    @Get("/questions/{key}/type")
    MutableHttpResponse<?> changeType(Authentication authentication, String surveyId, int version, String key) {
        return pages.editing(authentication, surveyId, version, (staff, design) -> design.definition().question(key)
                .<MutableHttpResponse<?>>map(q -> typePage(HttpStatus.OK, staff, design, 0, q, q.type(), FormErrors.none()))
                .orElseGet(Pages::notFound));
    }

    @Post(uri = "/questions/{key}/type", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> typeChanged(Authentication authentication, HttpRequest<byte[]> request, String surveyId,
                                       int version, String key) {
        Optional<Map<String, List<String>>> form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        return pages.editing(authentication, surveyId, version, (staff, design) -> {
            Optional<Question> question = design.definition().question(key);
            if (question.isEmpty()) {
                return Pages.notFound();
            }
            Optional<QuestionType> type = QuestionType.fromFileName(StaffForms.first(form.get(), "type"));
            return type.<MutableHttpResponse<?>>map(t -> Pages.seeOther(design.path() + "/questions/" + key
                            + "/edit?type=" + t.fileName()))
                    .orElseGet(() -> typePage(HttpStatus.UNPROCESSABLE_ENTITY, staff, design, 0, question.get(), null,
                            FormErrors.of("type-" + QuestionType.SINGLE_CHOICE.fileName(),
                                    messages.get("codesign.question.error.type"))));
        });
    }

    @Post(uri = "/questions/{key}/move", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> moveQuestion(Authentication authentication, HttpRequest<byte[]> request, String surveyId,
                                        int version, String key) {
        Optional<Map<String, List<String>>> form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        int delta = "up".equals(StaffForms.first(form.get(), "direction")) ? -1 : 1;
        return pages.editing(authentication, surveyId, version, (staff, design) -> design.definition().question(key)
                .<MutableHttpResponse<?>>map(q -> save(staff, design, s -> DesignEditor.moveQuestion(s, key, delta), "#question-" + key))
                .orElseGet(Pages::notFound));
    }

    @Get("/questions/{key}/remove")
    MutableHttpResponse<?> confirmRemoveQuestion(Authentication authentication, String surveyId, int version, String key) {
        return pages.editing(authentication, surveyId, version, (staff, design) -> design.definition().question(key)
                .<MutableHttpResponse<?>>map(q -> removePage(HttpStatus.OK, staff, design, q.text(), design.path() + "/questions/" + key
                        + "/remove", null))
                .orElseGet(Pages::notFound));
    }

    @Post(uri = "/questions/{key}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> removeQuestion(Authentication authentication, HttpRequest<byte[]> request, String surveyId,
                                          int version, String key) {
        if (StaffForms.read(authentication, request).isEmpty()) {
            return Pages.expiredForm();
        }
        return pages.editing(authentication, surveyId, version, (staff, design) -> design.definition().question(key)
                .<MutableHttpResponse<?>>map(q -> {
                    try {
                        DesignEditor.removeQuestion(design.definition(), key);
                    } catch (DesignEditor.Refused refused) {
                        return removePage(HttpStatus.UNPROCESSABLE_ENTITY, staff, design, q.text(),
                                design.path() + "/questions/" + key + "/remove",
                                messages.get(refused.messageKey(), refused.args()));
                    }
                    return save(staff, design, s -> DesignEditor.removeQuestion(s, key), "?removed=" + key);
                })
                .orElseGet(Pages::notFound));
    }

    @Get("/pages/{number}")
    MutableHttpResponse<?> pageForm(Authentication authentication, String surveyId, int version, int number) {
        return pages.editing(authentication, surveyId, version, (staff, design) -> {
            if (number < 1 || number > design.definition().pages().size()) {
                return Pages.notFound();
            }
            Page page = design.definition().pages().get(number - 1);
            return pageFormPage(HttpStatus.OK, staff, design, number, page.title(), page.section(), FormErrors.none());
        });
    }

    @Post(uri = "/pages/{number}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> savePage(Authentication authentication, HttpRequest<byte[]> request, String surveyId,
                                    int version, int number) {
        Optional<Map<String, List<String>>> form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        return pages.editing(authentication, surveyId, version, (staff, design) -> {
            if (number < 1 || number > design.definition().pages().size()) {
                return Pages.notFound();
            }
            String title = StaffForms.first(form.get(), "pageTitle").strip();
            String section = StaffForms.first(form.get(), "section").strip();
            FormErrors errors = FormErrors.none();
            if (title.length() > QuestionForm.LONGEST_TEXT) {
                errors.add("pageTitle", messages.get("codesign.question.error.long"));
            }
            if (section.length() > 100) {
                errors.add("section", messages.get("codesign.page.error.section"));
            }
            if (title.isEmpty() && design.definition().pages().get(number - 1).questions().size() > 1) {
                errors.add("pageTitle", messages.get("codesign.page.error.title"));
            }
            if (errors.any()) {
                return pageFormPage(HttpStatus.UNPROCESSABLE_ENTITY, staff, design, number, title, section, errors);
            }
            return save(staff, design, s -> DesignEditor.updatePage(s, number, title.isEmpty() ? null : title,
                    section.isEmpty() ? null : section), "#page-" + number);
        });
    }

    @Post(uri = "/pages/{number}/move", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> movePage(Authentication authentication, HttpRequest<byte[]> request, String surveyId,
                                    int version, int number) {
        Optional<Map<String, List<String>>> form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        int delta = "up".equals(StaffForms.first(form.get(), "direction")) ? -1 : 1;
        return pages.editing(authentication, surveyId, version, (staff, design) -> {
            if (number < 1 || number > design.definition().pages().size()) {
                return Pages.notFound();
            }
            return save(staff, design, s -> DesignEditor.movePage(s, number, delta), "#page-" + (number + delta));
        });
    }

    @Get("/pages/{number}/remove")
    MutableHttpResponse<?> confirmRemovePage(Authentication authentication, String surveyId, int version, int number) {
        return pages.editing(authentication, surveyId, version, (staff, design) -> {
            if (number < 1 || number > design.definition().pages().size()) {
                return Pages.notFound();
            }
            return removePage(HttpStatus.OK, staff, design, messages.get("codesign.page.name", number),
                    design.path() + "/pages/" + number + "/remove", null);
        });
    }

    @Post(uri = "/pages/{number}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> removeWholePage(Authentication authentication, HttpRequest<byte[]> request, String surveyId,
                                           int version, int number) {
        if (StaffForms.read(authentication, request).isEmpty()) {
            return Pages.expiredForm();
        }
        return pages.editing(authentication, surveyId, version, (staff, design) -> {
            if (number < 1 || number > design.definition().pages().size()) {
                return Pages.notFound();
            }
            try {
                DesignEditor.removePage(design.definition(), number);
            } catch (DesignEditor.Refused refused) {
                return removePage(HttpStatus.UNPROCESSABLE_ENTITY, staff, design,
                        messages.get("codesign.page.name", number), design.path() + "/pages/" + number + "/remove",
                        messages.get(refused.messageKey(), refused.args()));
            }
            return save(staff, design, s -> DesignEditor.removePage(s, number), "");
        });
    }

    /** Applies an edit and goes on to the overview (or a page of it); a frozen version is refused. */
    private MutableHttpResponse<?> save(Staff staff, Design design, UnaryOperator<SurveyDefinition> change, String then) {
        try {
            return designs.edit(design.id(), staff.email(), change)
                    .<MutableHttpResponse<?>>map(saved -> Pages.seeOther(saved.path() + then))
                    .orElseGet(() -> Pages.error(HttpStatus.CONFLICT, "codesign.error.frozen.title",
                            "codesign.error.frozen.body"));
        } catch (DesignEditor.Refused refused) {
            // Someone else's edit in the meantime made this one impossible (a question now depended on).
            return Pages.render(HttpStatus.CONFLICT, "errors/error", Pages.model("titleKey",
                    "codesign.error.edit.title", "body", messages.get(refused.messageKey(), refused.args())));
        }
    }

    private MutableHttpResponse<?> typePage(HttpStatus status, Staff staff, Design design, int page,
                                            @Nullable Question question, @Nullable QuestionType chosen, FormErrors errors) {
        List<Map<String, Object>> types = new ArrayList<>();
        for (QuestionType type : QuestionType.values()) {
            types.add(Map.of("id", "type-" + type.fileName(), "value", type.fileName(), "label", pages.typeLabel(type),
                    "itemHint", messages.get("codesign.type.hint." + type.fileName()), "checked", type == chosen));
        }
        Map<String, Object> model = pages.model(staff, design,
                "title", messages.get(question == null ? "codesign.question.type.title" : "codesign.question.type.change"),
                "types", types, "page", page,
                "action", question == null ? design.path() + "/add-question" : design.path() + "/questions/"
                        + question.key() + "/type",
                "backUrl", question == null ? design.path() : design.path() + "/questions/" + question.key() + "/edit");
        return Pages.render(status, "codesign/question-type", errors.addTo(model));
    }

    private MutableHttpResponse<?> questionPage(HttpStatus status, Staff staff, Design design, QuestionType type,
                                                @Nullable Question question, int page, Map<String, String> values,
                                                Map<String, String> errorKeys) {
        FormErrors errors = FormErrors.none();
        errorKeys.forEach((field, key) -> errors.add(field, messages.get(key, QuestionForm.LONGEST_TEXT)));
        List<Map<String, Object>> conditions = new ArrayList<>();
        String chosen = values.getOrDefault("showIf", QuestionForm.ALWAYS);
        conditions.add(Map.of("value", QuestionForm.ALWAYS, "label", messages.get("codesign.question.show.always"),
                "selected", chosen.isEmpty() || chosen.equals(QuestionForm.ALWAYS)));
        if (question != null && question.showIf() != null && question.showIf().anyOf().size() > 1) {
            conditions.add(Map.of("value", QuestionForm.KEEP, "label", messages.get("codesign.question.show.keep",
                    question.showIf().question(), String.join(", ", question.showIf().anyOf())),
                    "selected", chosen.equals(QuestionForm.KEEP)));
        }
        for (QuestionForm.Condition c : QuestionForm.conditions(design.definition(), question == null ? null : question.key())) {
            conditions.add(Map.of("value", c.value(), "label", messages.get("codesign.question.show.when", c.label()),
                    "selected", c.value().equals(chosen)));
        }
        List<Map<String, Object>> topics = new ArrayList<>();
        for (AboutYouTopic topic : AboutYouTopic.values()) {
            topics.add(Map.of("value", topic.fileName(), "label", messages.get("codesign.about." + topic.fileName()),
                    "selected", topic.fileName().equals(values.get("about"))));
        }
        List<Map<String, Object>> betters = new ArrayList<>();
        for (String better : List.of("", "higher", "lower", "neither")) {
            betters.add(Map.of("value", better, "label", messages.get("codesign.question.better." + (better.isEmpty()
                    ? "default" : better)), "selected", better.equals(values.getOrDefault("better", ""))));
        }
        Map<String, Object> model = pages.model(staff, design,
                "title", messages.get(question == null ? "codesign.question.add.title" : "codesign.question.edit.title",
                        pages.typeLabel(type)),
                "questionTypeCode", type.fileName(), "typeLabel", pages.typeLabel(type), "fields", QuestionForm.Fields.of(type),
                "values", values, "page", page, "question", question, "conditions", conditions, "topics", topics,
                "betters", betters,
                "plainUrl", "/staff/codesign/plain-language?audience=" + design.definition().audience().fileName(),
                "plainAge", values.getOrDefault("text", "").isBlank() ? ""
                        : pages.readingAge(values.get("text"), design.definition().audience()),
                "plainFlags", values.getOrDefault("text", "").isBlank() ? List.of()
                        : pages.flags(values.get("text"), design.definition().audience()),
                "requiredOptions", List.of(Map.of("id", "required", "value", "yes",
                        "label", messages.get("codesign.question.required.label"),
                        "checked", "yes".equals(values.get("required")))),
                "supportOptions", List.of(Map.of("id", "supportBox", "value", "yes",
                        "label", messages.get("codesign.question.support"),
                        "itemHint", messages.get("codesign.question.support.hint"),
                        "checked", "yes".equals(values.get("supportBox")))),
                "pointsOptions", List.of(
                        Map.of("id", "points", "value", "5", "label", messages.get("codesign.question.points.five"),
                                "checked", !"3".equals(values.get("points"))),
                        Map.of("id", "points-3", "value", "3", "label", messages.get("codesign.question.points.three"),
                                "checked", "3".equals(values.get("points")))),
                "action", question == null ? design.path() + "/add-question/" + type.fileName()
                        : design.path() + "/questions/" + question.key() + "/edit",
                "typeUrl", question == null ? design.path() + "/add-question?page=" + page
                        : design.path() + "/questions/" + question.key() + "/type",
                "textHint", messages.get(design.definition().audience() == uk.chorus.surveys.Audience.YOUNG_PEOPLE
                        ? "codesign.question.text.hint.young" : "codesign.question.text.hint"),
                "optionsHint", messages.get(type == QuestionType.ABOUT_YOU ? "codesign.question.options.about.hint"
                        : "codesign.question.options.hint"),
                "backUrl", question == null ? design.path() : design.path() + "/questions/" + question.key());
        return Pages.render(status, "codesign/question-form", errors.addTo(model));
    }

    private MutableHttpResponse<?> pageFormPage(HttpStatus status, Staff staff, Design design, int number,
                                                @Nullable String title, @Nullable String section, FormErrors errors) {
        Map<String, Object> model = pages.model(staff, design,
                "title", messages.get("codesign.page.title", number),
                "pageTitle", title == null ? "" : title, "section", section == null ? "" : section,
                "sections", String.join(", ", design.definition().sections()),
                "action", design.path() + "/pages/" + number, "backUrl", design.path() + "#page-" + number);
        return Pages.render(status, "codesign/page-form", errors.addTo(model));
    }

    private MutableHttpResponse<?> removePage(HttpStatus status, Staff staff, Design design, String what, String action,
                                              @Nullable String refusal) {
        Map<String, Object> model = pages.model(staff, design,
                "title", messages.get("codesign.remove.title", what), "action", action, "refusal", refusal,
                "backUrl", design.path());
        if (refusal != null) {
            model.put("errors", List.of(Map.of("href", "#remove", "text", refusal)));
        }
        return Pages.render(status, "codesign/remove", model);
    }

    private static int pageNumber(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
