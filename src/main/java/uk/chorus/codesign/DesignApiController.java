package uk.chorus.codesign;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.audit.AuditLog;
import uk.chorus.surveys.DefinitionProblem;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.surveys.SurveyFileParser;
import uk.chorus.surveys.SurveyFileResult;
import uk.chorus.web.ApiError;
import uk.chorus.web.Messages;
import uk.chorus.web.RequestBody;
import uk.chorus.web.Uploads;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The builder as JSON for staff with a token: each version of a survey with its status and who
 * agreed each question; a draft made from a survey file (YAML, or the same as JSON) with the
 * loader's checks; and comment, agree and status moves under the pages' rules, so a forum member
 * moving a survey to live gets 403.
 */
@Secured({Role.LEAD_NAME, Role.PARENT_FORUM_NAME, Role.YOUTH_FORUM_NAME})
@Controller(value = "/api/v1/surveys", produces = MediaType.APPLICATION_JSON)
class DesignApiController {
    private static final int LARGEST_FILE = 1_000_000;

    private final Designs designs;
    private final Discussion discussion;
    private final Discussions discussions;
    private final Agreements agreements;
    private final Workflow workflow;
    private final SurveyCatalogue catalogue;
    private final JsonMapper json;
    private final Messages messages;
    private final AuditLog audit;

    DesignApiController(Designs designs, Discussion discussion, Discussions discussions, Agreements agreements,
                        Workflow workflow, SurveyCatalogue catalogue, JsonMapper json, Messages messages,
                        AuditLog audit) {
        this.designs = designs;
        this.discussion = discussion;
        this.discussions = discussions;
        this.agreements = agreements;
        this.workflow = workflow;
        this.catalogue = catalogue;
        this.json = json;
        this.messages = messages;
        this.audit = audit;
    }

    @Serdeable
    record QuestionJson(String key, String text, boolean agreed, List<String> agreedBy, List<String> notYetBy,
                        long openComments) {
    }

    @Serdeable
    record ChangeJson(String from, String to, String by, @Nullable String reason, Instant at) {
    }

    @Serdeable
    record VersionJson(int version, String status, String createdBy, Instant createdAt, Instant updatedAt,
                       @Nullable Long servedVersionId, long agreedQuestions, long questions, long problems,
                       List<QuestionJson> agreement, List<ChangeJson> history) {
    }

    @Serdeable
    record CreatedJson(String id, int version, String status, String url) {
    }

    @Serdeable
    record ProblemsJson(String error, List<String> problems) {
    }

    @Get("/{surveyId}/versions")
    HttpResponse<?> versions(Authentication authentication, String surveyId) {
        List<Design> versions = designs.versions(surveyId);
        if (versions.isEmpty()) {
            return HttpResponse.notFound(ApiError.of(messages.get("api.design.not.found", surveyId)));
        }
        if (!workflow.canView(Staff.of(authentication), versions.get(versions.size() - 1).definition())) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(ApiError.of(messages.get("codesign.error.other.forum.body")));
        }
        return HttpResponse.ok(versions.stream().map(this::json).toList());
    }

    @Post(consumes = MediaType.ALL)
    HttpResponse<?> create(Authentication authentication, HttpRequest<byte[]> request) {
        Staff staff = Staff.of(authentication);
        byte[] body = RequestBody.bytes(request);
        if (body.length > LARGEST_FILE) {
            return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE).body(ApiError.of(messages.get("api.design.too.large")));
        }
        Optional<String> text = Uploads.utf8(body);
        if (text.isEmpty() || text.get().isBlank()) {
            return HttpResponse.badRequest(ApiError.of(messages.get("api.design.no.file")));
        }
        String id = idIn(text.get());
        SurveyFileResult result = new SurveyFileParser().parse((id == null ? "survey" : id) + ".yml", text.get());
        if (!result.ok()) {
            return HttpResponse.unprocessableEntity().body(new ProblemsJson(messages.get("api.design.problems"),
                    result.problems().stream().map(DefinitionProblem::toString).toList()));
        }
        return switch (workflow.draftFromFile(result.definition().orElseThrow(), staff)) {
            case Workflow.Outcome.Moved moved -> HttpResponse.created(new CreatedJson(moved.design().surveyId(),
                    moved.design().version(), moved.design().status().code(), moved.design().path()),
                    URI.create("/api/v1/surveys/" + moved.design().surveyId() + "/versions"));
            case Workflow.Outcome.Forbidden forbidden -> HttpResponse.status(HttpStatus.FORBIDDEN)
                    .body(ApiError.of(messages.get(forbidden.messageKey(), messages.get("codesign.forum." + Workflow.forumOf(staff)))));
            case Workflow.Outcome.Refused refused -> HttpResponse.status(HttpStatus.CONFLICT)
                    .body(ApiError.of(messages.get(refused.messageKey(), refused.args())));
        };
    }

    @Post(uri = "/{surveyId}/versions/{version}/comments", consumes = MediaType.ALL)
    HttpResponse<?> comment(Authentication authentication, HttpRequest<byte[]> request, String surveyId, int version) {
        return withQuestion(authentication, request, surveyId, version, (staff, design, question, body) -> {
            switch (discussions.comment(design, question, staff, text(body, "comment"), text(body, "proposed"))) {
                case Discussions.Said.Saved saved -> {
                    return HttpResponse.created(Map.of("id", saved.commentId()));
                }
                case Discussions.Said.Invalid invalid -> {
                    return HttpResponse.unprocessableEntity().body(ApiError.of(messages.get(invalid.messageKey(),
                            Discussions.LONGEST_COMMENT)));
                }
            }
        });
    }

    @Post(uri = "/{surveyId}/versions/{version}/agreements", consumes = MediaType.ALL)
    HttpResponse<?> agree(Authentication authentication, HttpRequest<byte[]> request, String surveyId, int version) {
        return withQuestion(authentication, request, surveyId, version, (staff, design, question, body) -> {
            JsonNode agree = body.get("agree");
            if (agree == null || !agree.isBoolean()) {
                return HttpResponse.badRequest(ApiError.of(messages.get("api.design.agree.missing")));
            }
            discussion.mark(design.id(), question, staff.accountId(), staff.name(), agree.getBooleanValue());
            Agreements.QuestionState state = agreements.summarise(designs.find(surveyId, version).orElseThrow())
                    .of(question.key());
            return HttpResponse.ok(questionJson(state));
        });
    }

    @Post(uri = "/{surveyId}/versions/{version}/status", consumes = MediaType.ALL)
    HttpResponse<?> status(Authentication authentication, HttpRequest<byte[]> request, String surveyId, int version) {
        Optional<JsonNode> body = body(request);
        if (body.isEmpty()) {
            return HttpResponse.badRequest(ApiError.of(messages.get("api.body.not.json")));
        }
        Optional<Design> design = designs.find(surveyId, version);
        if (design.isEmpty()) {
            return HttpResponse.notFound(ApiError.of(messages.get("api.design.not.found", surveyId)));
        }
        Optional<DesignStatus> to = DesignStatus.fromCode(text(body.get(), "status"));
        if (to.isEmpty()) {
            return HttpResponse.badRequest(ApiError.of(messages.get("api.design.status.unknown")));
        }
        return switch (workflow.move(design.get(), to.get(), Staff.of(authentication), text(body.get(), "reason"))) {
            case Workflow.Outcome.Moved moved -> HttpResponse.ok(json(moved.design()));
            case Workflow.Outcome.Forbidden forbidden ->
                    HttpResponse.status(HttpStatus.FORBIDDEN).body(ApiError.of(messages.get(forbidden.messageKey())));
            case Workflow.Outcome.Refused refused ->
                    HttpResponse.unprocessableEntity().body(ApiError.of(messages.get(refused.messageKey(), refused.args())));
        };
    }

    private interface QuestionAction {
        HttpResponse<?> apply(Staff staff, Design design, Question question, JsonNode body);
    }

    /** Reads the body, finds the version and the question, and checks the person may discuss it now. */
    private HttpResponse<?> withQuestion(Authentication authentication, HttpRequest<byte[]> request, String surveyId,
                                         int version, QuestionAction action) {
        Optional<JsonNode> body = body(request);
        if (body.isEmpty()) {
            return HttpResponse.badRequest(ApiError.of(messages.get("api.body.not.json")));
        }
        Optional<Design> design = designs.find(surveyId, version);
        if (design.isEmpty()) {
            return HttpResponse.notFound(ApiError.of(messages.get("api.design.not.found", surveyId)));
        }
        Staff staff = Staff.of(authentication);
        if (!workflow.canEdit(staff, design.get().definition())) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(ApiError.of(messages.get("codesign.status.error.not.yours")));
        }
        if (!design.get().status().editable()) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(ApiError.of(messages.get("codesign.error.frozen.body")));
        }
        String key = text(body.get(), "question");
        Optional<Question> question = design.get().definition().question(key == null ? "" : key);
        if (question.isEmpty()) {
            return HttpResponse.unprocessableEntity().body(ApiError.of(messages.get("api.design.question.unknown", key)));
        }
        return action.apply(staff, design.get(), question.get(), body.get());
    }

    private VersionJson json(Design design) {
        Agreements.Summary summary = agreements.summarise(design);
        return new VersionJson(design.version(), design.status().code(), design.createdBy(), design.createdAt(),
                design.updatedAt(), design.publishedVersionId(), summary.agreedCount(), summary.questions().size(),
                DesignChecks.problems(design.definition()).size(),
                summary.questions().stream().map(DesignApiController::questionJson).toList(),
                designs.history(design.id()).stream().map(h -> new ChangeJson(h.from().code(), h.to().code(), h.by(),
                        h.reason(), h.at())).toList());
    }

    private static QuestionJson questionJson(Agreements.QuestionState state) {
        return new QuestionJson(state.question().key(), state.question().text(), state.agreed(), state.agreedBy(),
                state.notYetBy(), state.openComments());
    }

    private Optional<JsonNode> body(HttpRequest<byte[]> request) {
        try {
            JsonNode node = json.readValue(RequestBody.bytes(request), JsonNode.class);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isString() ? value.getStringValue() : null;
    }

    /** The id a survey file names, so it is checked under its own file name as the loader would. */
    private static String idIn(String file) {
        try {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(file);
            return root instanceof Map<?, ?> map && map.get("id") instanceof String id
                    && id.matches("[a-z0-9][a-z0-9-]{0,62}") ? id : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
