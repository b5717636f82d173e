package uk.chorus.reports;

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
import uk.chorus.themes.ThemeStore;
import uk.chorus.web.Dates;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Actions: what was done about what families raised, who owns it, by when and how it stands, and
 * what it answers (themes, feedback items by reference, Young Inspectors' recommendations) with
 * the measures that show whether it worked. A feedback item's page links here with its reference.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/actions", produces = MediaType.TEXT_HTML)
class ActionsController {
    private final Actions actions;
    private final ThemeStore themes;
    private final MeasureStore measures;
    private final Messages messages;
    private final java.time.Clock clock;

    ActionsController(Actions actions, ThemeStore themes, MeasureStore measures, Messages messages,
                      java.time.Clock clock) {
        this.clock = clock;
        this.actions = actions;
        this.themes = themes;
        this.measures = measures;
        this.messages = messages;
    }

    public record Choice(String id, String value, String label, boolean checked) {
    }

    public record Listed(long id, String title, String status, String service, String owner, String due,
                         List<String> themes) {
    }

    @Get
    MutableHttpResponse<?> list(Authentication authentication) {
        Map<String, String> names = themeNames();
        List<Listed> listed = actions.all().stream().map(a -> new Listed(a.id(), a.draft().title(),
                messages.get(a.draft().status().labelKey()), orDash(a.draft().service()), orDash(a.draft().owner()),
                a.draft().dueOn() == null ? "–" : Dates.longForm(a.draft().dueOn()),
                a.draft().themes().stream().map(t -> names.getOrDefault(t, t)).toList())).toList();
        return Pages.render("reports/actions", Pages.model("titleKey", "reports.actions.title", "staff",
                Staff.of(authentication), "tab", "actions", "actions", listed));
    }

    @Get("/new")
    MutableHttpResponse<?> newAction(Authentication authentication, @Nullable @QueryValue String theme,
                                     @Nullable @QueryValue String feedback) {
        Actions.Draft draft = new Actions.Draft("", null, null, null, null, Actions.Status.PLANNED, null,
                theme == null ? List.of() : List.of(theme), List.of(), List.of(), List.of());
        return form(authentication, HttpStatus.OK, null, draft, feedback == null ? "" : feedback, "", "", "",
                FormErrors.none());
    }

    @Get("/{id}")
    MutableHttpResponse<?> edit(Authentication authentication, long id) {
        Optional<Actions.Action> action = actions.find(id);
        if (action.isEmpty()) {
            return Pages.notFound();
        }
        List<String> references = new ArrayList<>(actions.feedbackReferences(action.get().draft().feedbackItems()).values());
        references.addAll(action.get().draft().responses());
        Actions.Draft draft = action.get().draft();
        return form(authentication, HttpStatus.OK, id, draft, String.join(" ", references),
                draft.dueOn() == null ? "" : draft.dueOn().toString(),
                draft.startedOn() == null ? "" : draft.startedOn().toString(), "", FormErrors.none());
    }

    @Post(uri = "/save", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(HttpRequest<byte[]> request, Authentication authentication) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        var fields = form.get();
        String idText = StaffForms.first(fields, "id");
        Long id = idText.matches("[0-9]{1,18}") ? Long.valueOf(idText) : null;
        if (id != null && actions.find(id).isEmpty()) {
            return Pages.notFound();
        }
        FormErrors errors = FormErrors.none();
        String title = StaffForms.first(fields, "title").strip();
        if (title.isEmpty() || title.length() > 300) {
            errors.add("title", messages.get("reports.action.error.title"));
        }
        Optional<Actions.Status> status = Actions.Status.fromCode(StaffForms.first(fields, "status"));
        if (status.isEmpty()) {
            errors.add("status-planned", messages.get("reports.action.error.status"));
        }
        String reason = StaffForms.first(fields, "reason").strip();
        if (status.orElse(null) == Actions.Status.DROPPED && reason.isEmpty()) {
            errors.add("reason", messages.get("reports.action.error.reason"));
        }
        String dueText = StaffForms.first(fields, "due").strip();
        LocalDate due = null;
        if (!dueText.isEmpty()) {
            try {
                due = LocalDate.parse(dueText);
            } catch (DateTimeParseException e) {
                errors.add("due", messages.get("reports.action.error.due"));
            }
        }
        String startedText = StaffForms.first(fields, "started").strip();
        LocalDate started = null;
        if (!startedText.isEmpty()) {
            try {
                started = LocalDate.parse(startedText);
            } catch (DateTimeParseException e) {
                errors.add("started", messages.get("reports.action.error.started"));
            }
        }
        String note = StaffForms.first(fields, "note").strip();
        if (note.length() > 2000) {
            errors.add("note", messages.get("reports.action.error.note"));
        }
        String details = limit(StaffForms.first(fields, "details"), 5000);
        String service = limit(StaffForms.first(fields, "service"), 200);
        String owner = limit(StaffForms.first(fields, "owner"), 200);
        List<String> chosenThemes = fields.getOrDefault("theme", List.of()).stream()
                .filter(t -> themes.find(t).isPresent()).distinct().toList();
        String referencesText = StaffForms.first(fields, "feedback").strip();
        List<String> references = Arrays.stream(referencesText.toUpperCase(java.util.Locale.ROOT).split("[\\s,]+"))
                .filter(r -> !r.isEmpty()).distinct().toList();
        // Feedback references start "FB-"; any other is a survey response's reference.
        Map<String, Long> found = actions.feedbackIds(references.stream().filter(r -> r.startsWith("FB-")).toList());
        List<String> responses = references.stream().filter(r -> !r.startsWith("FB-") && r.length() <= 40)
                .filter(r -> actions.responseId(r).isPresent()).toList();
        List<String> unknown = references.stream().filter(r -> !found.containsKey(r) && !responses.contains(r))
                .toList();
        if (!unknown.isEmpty()) {
            errors.add("feedback", messages.get("reports.action.error.feedback", String.join(", ", unknown)));
        }
        Map<Long, String> recommendations = actions.recommendations();
        List<Long> chosenRecommendations = longs(fields.getOrDefault("recommendation", List.of())).stream()
                .filter(recommendations::containsKey).toList();
        List<Long> measureIds = measures.all().stream().map(MeasureStore.Measure::id).toList();
        List<Long> chosenMeasures = longs(fields.getOrDefault("measure", List.of())).stream()
                .filter(measureIds::contains).toList();
        Actions.Draft draft = new Actions.Draft(title, details, service, owner, due,
                status.orElse(Actions.Status.PLANNED), reason.isEmpty() ? null : limit(reason, 2000), chosenThemes,
                List.copyOf(found.values()), chosenRecommendations, chosenMeasures, started,
                responses);
        if (errors.any()) {
            return form(authentication, HttpStatus.UNPROCESSABLE_ENTITY, id, draft, referencesText, dueText, startedText,
                    note, errors);
        }
        String by = Staff.of(authentication).email();
        LocalDate today = LocalDate.now(clock);
        if (id == null) {
            actions.create(draft, note.isEmpty() ? null : note, today, by);
        } else {
            actions.update(id, draft, note.isEmpty() ? null : note, today, by);
        }
        return Pages.seeOther("/staff/actions");
    }

    private MutableHttpResponse<?> form(Authentication authentication, HttpStatus status, @Nullable Long id,
                                        Actions.Draft draft, String feedback, String due, String started, String note,
                                        FormErrors errors) {
        List<Choice> themeChoices = themes.all().stream().map(t -> new Choice("theme-" + t.id(), t.id(), t.name(),
                draft.themes().contains(t.id()))).toList();
        List<Choice> statuses = Arrays.stream(Actions.Status.values()).map(s -> new Choice("status-" + s.code(), s.code(),
                messages.get(s.labelKey()), s == draft.status())).toList();
        List<Choice> recommendationChoices = new ArrayList<>();
        actions.recommendations().forEach((rid, text) -> recommendationChoices.add(new Choice("recommendation-" + rid,
                Long.toString(rid), text, draft.recommendations().contains(rid))));
        List<Choice> measureChoices = measures.all().stream().map(m -> new Choice("measure-" + m.id(),
                Long.toString(m.id()), m.name(), draft.measures().contains(m.id()))).toList();
        return Pages.render(status, "reports/action", errors.addTo(Pages.model("titleKey",
                id == null ? "reports.action.new.title" : "reports.action.edit.title", "staff", Staff.of(authentication),
                "tab", "actions", "actionId", id == null ? "" : id.toString(), "draft", draft, "due", due,
                "started", started, "note", note, "timeline", id == null ? List.of() : timeline(id),
                "feedback", feedback, "themeChoices", themeChoices, "statuses", statuses,
                "recommendations", recommendationChoices, "measures", measureChoices, "backUrl", "/staff/actions")));
    }

    private List<Map<String, String>> timeline(long id) {
        return actions.updates().getOrDefault(id, List.of()).stream().map(u -> Map.of("on", Dates.longForm(u.on()),
                "status", messages.get(u.status().labelKey()), "note", u.note() == null ? "" : u.note())).toList();
    }

    private Map<String, String> themeNames() {
        Map<String, String> names = new java.util.HashMap<>();
        themes.all().forEach(t -> names.put(t.id(), t.name()));
        return names;
    }

    private static List<Long> longs(List<String> values) {
        return values.stream().filter(v -> v.matches("[0-9]{1,18}")).map(Long::valueOf).distinct().toList();
    }

    private static @Nullable String limit(String text, int longest) {
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped.length() > longest ? stripped.substring(0, longest) : stripped;
    }

    private static String orDash(@Nullable String text) {
        return text == null ? "–" : text;
    }
}
