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
import uk.chorus.audit.AuditLog;
import uk.chorus.surveys.Audience;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.web.Dates;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A survey's design: starting one (from nothing, or from a survey being served), its overview with
 * every page and question, how far the forum has agreed it and what the loader's checks still
 * find, its settings, its moves through the workflow, and any two versions compared.
 */
@Secured({Role.LEAD_NAME, Role.PARENT_FORUM_NAME, Role.YOUTH_FORUM_NAME})
@Controller(value = "/staff/codesign/designs", produces = MediaType.TEXT_HTML)
class DesignController {
    private final Designs designs;
    private final DesignPages pages;
    private final Workflow workflow;
    private final Agreements agreements;
    private final SurveyCatalogue catalogue;
    private final Messages messages;
    private final AuditLog audit;

    DesignController(Designs designs, DesignPages pages, Workflow workflow, Agreements agreements,
                     SurveyCatalogue catalogue, Messages messages, AuditLog audit) {
        this.designs = designs;
        this.pages = pages;
        this.workflow = workflow;
        this.agreements = agreements;
        this.catalogue = catalogue;
        this.messages = messages;
        this.audit = audit;
    }

    @Get("/new")
    MutableHttpResponse<?> newForm(Authentication authentication) {
        Staff staff = Staff.of(authentication);
        LocalDate today = catalogue.today();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", "");
        values.put("audience", staff.is(Role.PARENT_FORUM) ? "parents-carers" : staff.is(Role.YOUTH_FORUM)
                ? "young-people" : "parents-carers");
        values.put("opens", today.plusWeeks(4).toString());
        values.put("closes", today.plusWeeks(10).toString());
        values.put("introduction", "");
        values.put("privacyNotice", messages.get("codesign.settings.privacy.default"));
        values.put("forum", "");
        return settingsPage(HttpStatus.OK, staff, null, values, FormErrors.none());
    }

    @Post(uri = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(Authentication authentication, HttpRequest<byte[]> request) {
        Optional<Map<String, List<String>>> form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Staff staff = Staff.of(authentication);
        SettingsForm.Read read = SettingsForm.read(form.get(), messages);
        if (!read.errors().any()) {
            // Ids carry their year, as the shipped ones do (family-voice-2026), unless the title already has it.
            String slug = uk.chorus.web.Slugs.of(read.values().get("title"), "survey");
            String year = Integer.toString(read.opens().getYear());
            String id = freeId(slug.endsWith(year) ? slug : slug + "-" + year);
            SurveyDefinition survey = new SurveyDefinition(id, read.values().get("title"), read.audience(),
                    read.values().get("introduction"), read.values().get("privacyNotice"), read.opens(), read.closes(),
                    read.opens().getYear(), null, null, staff.is(Role.LEAD) ? read.forum() : Workflow.forumOf(staff), null,
                    read.countdown(), List.of());
            Optional<Design> created = designs.create(survey, DesignStatus.DRAFT, staff.email());
            if (created.isPresent()) {
                audit.record(staff.email(), "survey design started", id, "version 1");
                return Pages.seeOther(created.get().path());
            }
            read.errors().add("title", messages.get("codesign.settings.error.taken"));
        }
        return settingsPage(HttpStatus.UNPROCESSABLE_ENTITY, staff, null, read.values(), read.errors());
    }

    /** Designs a survey that is being served (from a file): version 1 as served, version 2 to edit. */
    @Post(uri = "/{surveyId}/start", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> start(Authentication authentication, HttpRequest<byte[]> request, String surveyId) {
        if (StaffForms.read(authentication, request).isEmpty()) {
            return Pages.expiredForm();
        }
        return catalogue.find(surveyId).<MutableHttpResponse<?>>map(served -> answer(workflow.designServed(served, Staff.of(authentication))))
                .orElseGet(Pages::notFound);
    }

    @Get("/{surveyId}")
    MutableHttpResponse<?> newest(String surveyId) {
        return designs.newest(surveyId).<MutableHttpResponse<?>>map(d -> Pages.seeOther(d.path()))
                .orElseGet(Pages::notFound);
    }

    @Get("/{surveyId}/{version:[0-9]+}")
    MutableHttpResponse<?> overview(Authentication authentication, String surveyId, int version,
                                    @Nullable @QueryValue String moved) {
        return pages.viewing(authentication, surveyId, version, (staff, design) -> {
            MutableHttpResponse<?> page = overviewPage(HttpStatus.OK, staff, design, FormErrors.none(), null);
            // After a move through the workflow, say what happened (and, once live, where families answer).
            DesignStatus.fromCode(moved == null ? "" : moved).filter(s -> s == design.status()).ifPresent(s ->
                    ((io.micronaut.views.ModelAndView<Map<String, Object>>) page.body()).getModel().ifPresent(model ->
                            model.put("movedMessage", messages.get("codesign.moved." + s.code(), "/s/" + surveyId))));
            return page;
        });
    }

    /** This version as a survey file, to keep, to share, or to put in the surveys folder. */
    @Get(uri = "/{surveyId}/{version:[0-9]+}/export.yml", produces = "application/yaml")
    MutableHttpResponse<?> export(Authentication authentication, String surveyId, int version) {
        return pages.viewing(authentication, surveyId, version, (staff, design) -> io.micronaut.http.HttpResponse.ok(
                        uk.chorus.surveys.SurveyFileWriter.write(design.definition()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .contentType(new MediaType("application/yaml; charset=utf-8"))
                .header(io.micronaut.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + surveyId + ".yml\""));
    }

    @Get("/{surveyId}/{version:[0-9]+}/settings")
    MutableHttpResponse<?> settings(Authentication authentication, String surveyId, int version) {
        return pages.editing(authentication, surveyId, version, (staff, design) ->
                settingsPage(HttpStatus.OK, staff, design, SettingsForm.values(design.definition()), FormErrors.none()));
    }

    @Post(uri = "/{surveyId}/{version:[0-9]+}/settings", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> saveSettings(Authentication authentication, HttpRequest<byte[]> request, String surveyId,
                                        int version) {
        Optional<Map<String, List<String>>> form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        return pages.editing(authentication, surveyId, version, (staff, design) -> {
            SettingsForm.Read read = SettingsForm.read(form.get(), messages);
            if (read.errors().any()) {
                return settingsPage(HttpStatus.UNPROCESSABLE_ENTITY, staff, design, read.values(), read.errors());
            }
            return designs.edit(design.id(), staff.email(), survey -> SettingsForm.apply(survey, read, staff.is(Role.LEAD)))
                    .<MutableHttpResponse<?>>map(saved -> Pages.seeOther(saved.path()))
                    .orElseGet(() -> Pages.error(HttpStatus.CONFLICT, "codesign.error.frozen.title",
                            "codesign.error.frozen.body"));
        });
    }

    @Post(uri = "/{surveyId}/{version:[0-9]+}/status", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> status(Authentication authentication, HttpRequest<byte[]> request, String surveyId,
                                  int version) {
        Optional<Map<String, List<String>>> form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        return pages.viewing(authentication, surveyId, version, (staff, design) -> {
            Optional<DesignStatus> to = DesignStatus.fromCode(StaffForms.first(form.get(), "to"));
            if (to.isEmpty()) {
                return Pages.badForm();
            }
            String reason = StaffForms.first(form.get(), "reason");
            return switch (workflow.move(design, to.get(), staff, reason)) {
                case Workflow.Outcome.Moved moved -> Pages.seeOther(moved.design().path() + "?moved=" + to.get().code());
                case Workflow.Outcome.Forbidden forbidden -> Pages.render(HttpStatus.FORBIDDEN, "errors/error",
                        Pages.model("titleKey", "codesign.error.not.yours.title", "body", messages.get(forbidden.messageKey())));
                case Workflow.Outcome.Refused refused -> overviewPage(HttpStatus.UNPROCESSABLE_ENTITY, staff, design,
                        FormErrors.of(to.get() == DesignStatus.LIVE ? "reason" : "status",
                                messages.get(refused.messageKey(), refused.args())), reason);
            };
        });
    }

    @Post(uri = "/{surveyId}/{version:[0-9]+}/new-version", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> newVersion(Authentication authentication, HttpRequest<byte[]> request, String surveyId,
                                      int version) {
        if (StaffForms.read(authentication, request).isEmpty()) {
            return Pages.expiredForm();
        }
        return pages.viewing(authentication, surveyId, version, (staff, design) -> answer(workflow.newDraft(design, staff)));
    }

    @Get("/{surveyId}/compare")
    MutableHttpResponse<?> compare(Authentication authentication, String surveyId, @Nullable @QueryValue Integer from,
                                   @Nullable @QueryValue Integer to) {
        List<Design> versions = designs.versions(surveyId);
        if (versions.isEmpty()) {
            return Pages.notFound();
        }
        Design newest = versions.get(versions.size() - 1);
        if (!workflow.canView(Staff.of(authentication), newest.definition())) {
            return DesignPages.otherForums();
        }
        Design before = pick(versions, from).orElse(versions.size() > 1 ? versions.get(versions.size() - 2) : newest);
        Design after = pick(versions, to).orElse(newest);
        DesignComparison.Result result = DesignComparison.compare(before.definition(), after.definition());
        List<Map<String, Object>> choices = new ArrayList<>();
        for (Design v : versions) {
            choices.add(Map.of("version", v.version(), "label", messages.get("codesign.compare.version", v.version(),
                    pages.statusLabel(v.status()))));
        }
        return Pages.render("codesign/compare", pages.model(Staff.of(authentication), newest,
                "title", messages.get("codesign.compare.title", newest.definition().title()),
                "fromOptions", choices.stream().map(c -> option(c, before.version())).toList(),
                "toOptions", choices.stream().map(c -> option(c, after.version())).toList(),
                "before", before, "after", after, "result", result, "changed", result.changedQuestions(),
                "backUrl", newest.path()));
    }

    private static Map<String, Object> option(Map<String, Object> choice, int selected) {
        return Map.of("value", choice.get("version"), "label", choice.get("label"),
                "selected", choice.get("version").equals(selected));
    }

    private static Optional<Design> pick(List<Design> versions, @Nullable Integer version) {
        return version == null ? Optional.empty() : versions.stream().filter(v -> v.version() == version).findFirst();
    }

    private MutableHttpResponse<?> answer(Workflow.Outcome outcome) {
        return switch (outcome) {
            case Workflow.Outcome.Moved moved -> Pages.seeOther(moved.design().path());
            case Workflow.Outcome.Forbidden ignored -> Pages.error(HttpStatus.FORBIDDEN, "codesign.error.not.yours.title",
                    "codesign.error.not.yours.body");
            case Workflow.Outcome.Refused refused -> Pages.render(HttpStatus.CONFLICT, "errors/error",
                    Pages.model("titleKey", "codesign.error.frozen.title", "body", messages.get(refused.messageKey(),
                            refused.args())));
        };
    }

    /** A survey id no served survey and no design has yet. */
    private String freeId(String base) {
        String id = base.length() > 60 ? base.substring(0, 60).replaceAll("-+$", "") : base;
        String candidate = id;
        for (int n = 2; catalogue.find(candidate).isPresent() || designs.newest(candidate).isPresent(); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }

    private MutableHttpResponse<?> settingsPage(HttpStatus status, Staff staff, @Nullable Design design,
                                                Map<String, String> values, FormErrors errors) {
        Map<String, Object> model = design == null ? Pages.model("staff", staff) : pages.model(staff, design);
        model.put("title", messages.get(design == null ? "codesign.new.title" : "codesign.settings.title"));
        model.put("values", values);
        model.put("countdownOptions", List.of(Map.of("id", "countdown", "value", "yes",
                "label", messages.get("codesign.settings.countdown"), "itemHint", messages.get("codesign.settings.countdown.hint"),
                "checked", "yes".equals(values.get("countdown")))));
        model.put("buttonText", messages.get(design == null ? "codesign.new.create" : "codesign.settings.save"));
        model.put("action", design == null ? "/staff/codesign/designs/new" : design.path() + "/settings");
        model.put("audiences", List.of(Audience.values()).stream().map(a -> Map.of("id", "audience-" + a.fileName(),
                "value", a.fileName(), "label", messages.get("codesign.audience." + a.fileName()),
                "checked", a.fileName().equals(values.get("audience")))).toList());
        model.put("backUrl", design == null ? "/staff/codesign" : design.path());
        model.put("chooseForum", staff.is(Role.LEAD));
        model.put("forums", SettingsForm.FORUMS.stream().map(f -> Map.of("id", f.isEmpty() ? "forum" : "forum-" + f,
                "value", f, "label", messages.get(f.isEmpty() ? "codesign.settings.forum.none" : "codesign.forum." + f),
                "checked", f.equals(values.getOrDefault("forum", "")))).toList());
        return Pages.render(status, "codesign/settings", errors.addTo(model));
    }

    private MutableHttpResponse<?> overviewPage(HttpStatus status, Staff staff, Design design, FormErrors errors,
                                                @Nullable String reason) {
        Agreements.Summary summary = agreements.summarise(design);
        List<DesignChecks.Problem> problems = DesignChecks.problems(design.definition());
        boolean editor = workflow.canEdit(staff, design.definition());
        boolean editable = editor && design.status().editable();
        List<Map<String, Object>> pageRows = new ArrayList<>();
        int pageCount = design.definition().pages().size();
        int questionIndex = 0;
        int questionCount = summary.questions().size();
        for (int p = 0; p < pageCount; p++) {
            var page = design.definition().pages().get(p);
            List<Map<String, Object>> questions = new ArrayList<>();
            for (Question q : page.questions()) {
                Agreements.QuestionState state = summary.of(q.key());
                List<String> flags = pages.flags(q, design.definition().audience());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("key", q.key());
                row.put("text", q.text());
                row.put("type", pages.typeLabel(q.type()));
                row.put("required", q.required());
                row.put("showIf", pages.showIfText(design.definition(), q));
                row.put("state", state);
                row.put("agreedBy", String.join(", ", state.agreedBy()));
                row.put("notYetBy", String.join(", ", state.notYetBy()));
                row.put("flags", flags);
                row.put("problems", problems.stream().filter(pr -> q.key().equals(pr.questionKey()))
                        .map(DesignChecks.Problem::message).toList());
                row.put("first", questionIndex == 0);
                row.put("last", questionIndex == questionCount - 1);
                row.put("url", design.path() + "/questions/" + q.key());
                questions.add(row);
                questionIndex++;
            }
            int number = p + 1;
            pageRows.add(Map.of("number", number, "title", page.title() == null ? "" : page.title(),
                    "problems", problems.stream().filter(pr -> pr.questionKey() == null && pr.pageNumber() == number)
                            .map(DesignChecks.Problem::message).toList(),
                    "section", page.section() == null ? "" : page.section(), "questions", questions,
                    "first", p == 0, "last", p == pageCount - 1, "url", design.path() + "/pages/" + (p + 1)));
        }
        List<Design> versions = designs.versions(design.surveyId());
        boolean newest = versions.get(versions.size() - 1).version() == design.version();
        Map<String, Object> model = pages.model(staff, design,
                "title", design.definition().title(),
                "pages", pageRows,
                "summary", summary,
                "questionCount", summary.questions().size(),
                "canCompare", versions.size() > 1,
                "surveyProblems", problems.stream().filter(pr -> pr.questionKey() == null && pr.pageNumber() == 0)
                        .map(DesignChecks.Problem::message).toList(),
                "problemCount", problems.size(),
                "versions", versions.stream().map(v -> Map.of("version", v.version(), "path", v.path(),
                        "status", pages.statusLabel(v.status()), "current", v.version() == design.version())).toList(),
                "history", designs.history(design.id()).stream().map(h -> Map.of("to", pages.statusLabel(h.to()),
                        "by", h.by(), "reason", h.reason() == null ? "" : h.reason(),
                        "at", Dates.shortForm(h.at().atZone(ZoneOffset.UTC).toLocalDate()))).toList(),
                "isLead", staff.is(Role.LEAD),
                "editor", editor,
                "editable", editable,
                "canReview", editor && design.status() == DesignStatus.DRAFT,
                "canUnreview", editor && (design.status() == DesignStatus.IN_REVIEW || design.status() == DesignStatus.AGREED),
                "canAgree", editor && design.status() == DesignStatus.IN_REVIEW,
                "canPublish", staff.is(Role.LEAD) && (design.status() == DesignStatus.IN_REVIEW
                        || design.status() == DesignStatus.AGREED),
                "canClose", staff.is(Role.LEAD) && design.status() == DesignStatus.LIVE,
                "canStartNew", editor && newest && !design.status().editable(),
                "reason", reason == null ? "" : reason,
                "needed", agreements.needed(),
                "settings", SettingsForm.summary(design.definition(), messages),
                "backUrl", "/staff/codesign",
                "fromFile", versions.get(0).createdBy().equals(Workflow.SURVEY_FILE));
        return Pages.render(status, "codesign/design", errors.addTo(model));
    }

}
