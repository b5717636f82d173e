package uk.chorus.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.audit.AuditLog;
import uk.chorus.web.ApiError;
import uk.chorus.web.Message;
import uk.chorus.web.Messages;
import uk.chorus.web.RequestBody;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * POST /api/v1/feedback, public and rate limited, for Local Offer pages and services' own forms:
 * 201 with the item's id the first time a submission id is sent, 200 with the same id after.
 * Channels that staff record (meetings, reports, visits) are refused here. And the staff read
 * APIs for leads: a filtered list, and one item with any contact details (audited).
 */
@Controller("/api/v1")
class FeedbackApiController {
    private static final int LONGEST_LIST = 1000;
    private final FeedbackJson json;
    private final FeedbackChecker checker;
    private final FeedbackRecords records;
    private final AuditLog audit;
    private final Messages messages;

    FeedbackApiController(FeedbackJson json, FeedbackChecker checker, FeedbackRecords records, AuditLog audit,
                          Messages messages) {
        this.json = json;
        this.checker = checker;
        this.records = records;
        this.audit = audit;
        this.messages = messages;
    }

    @Serdeable
    record Created(String id) {
    }

    @Serdeable
    record ItemJson(String id, String channel, @Nullable String subject, String date, @Nullable Boolean helpful,
                    @Nullable String text, Map<String, String> about, boolean reviewed, boolean hasContact,
                    @Nullable NewFeedback.Contact contact) {
        static ItemJson of(FeedbackRecords.Item item, @Nullable NewFeedback.Contact contact) {
            return new ItemJson(item.reference(), item.channel().code(), item.subject(), item.occurredOn().toString(),
                    item.helpful(), item.text(), item.about(), item.reviewedAt() != null, item.hasContact(), contact);
        }
    }

    @Serdeable
    record ItemList(List<ItemJson> items, boolean more) {
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post(uri = "/feedback", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> submit(HttpRequest<byte[]> request) {
        boolean isJson = request.getContentType().map(type -> type.matches(MediaType.APPLICATION_JSON_TYPE)).orElse(false);
        if (!isJson) {
            return HttpResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(ApiError.of(messages.get("api.json.required")));
        }
        FeedbackJson.Read read = json.read(RequestBody.bytes(request));
        if (read.item().isEmpty()) {
            return HttpResponse.badRequest(ApiError.of(read.problem()));
        }
        NewFeedback item = read.item().get();
        Map<String, Message> problems = new LinkedHashMap<>(checker.check(item));
        if (!item.channel().fromThePublic()) {
            problems.put("channel", new Message("api.feedback.channel.staff", item.channel().code()));
        }
        if (!problems.isEmpty()) {
            Map<String, String> sentences = new LinkedHashMap<>();
            problems.forEach((field, message) -> sentences.put(field, messages.get(message)));
            return HttpResponse.unprocessableEntity().body(new ApiError(messages.get("api.feedback.invalid"), sentences));
        }
        FeedbackRecords.Stored stored = records.store(item);
        return stored.created() ? HttpResponse.created(new Created(stored.reference()))
                : HttpResponse.ok(new Created(stored.reference()));
    }

    @Secured(Role.LEAD_NAME)
    @Get(uri = "/staff/feedback", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> list(@Nullable @QueryValue String channel, @Nullable @QueryValue String subject,
                         @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        Optional<Channel> chosen = channel == null || channel.isEmpty() ? Optional.empty() : Channel.fromCode(channel);
        if (channel != null && !channel.isEmpty() && chosen.isEmpty()) {
            return HttpResponse.badRequest(ApiError.of(messages.get("api.feedback.channel.unknown", channel)));
        }
        LocalDate start;
        LocalDate end;
        try {
            start = from == null || from.isEmpty() ? null : LocalDate.parse(from);
            end = to == null || to.isEmpty() ? null : LocalDate.parse(to);
        } catch (DateTimeParseException e) {
            return HttpResponse.badRequest(ApiError.of(messages.get("api.feedback.date.invalid")));
        }
        List<FeedbackRecords.Item> items = records.search(new FeedbackRecords.Filter(chosen.orElse(null),
                subject == null || subject.isEmpty() ? null : subject, start, end, null, null), LONGEST_LIST + 1);
        return HttpResponse.ok(new ItemList(items.stream().limit(LONGEST_LIST).map(i -> ItemJson.of(i, null)).toList(),
                items.size() > LONGEST_LIST));
    }

    @Secured(Role.LEAD_NAME)
    @Get(uri = "/staff/feedback/{reference}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> one(Authentication authentication, String reference) {
        Optional<FeedbackRecords.Item> item = records.byReference(reference);
        if (item.isEmpty()) {
            return HttpResponse.notFound(ApiError.of(messages.get("api.feedback.not.found")));
        }
        NewFeedback.Contact contact = null;
        if (item.get().hasContact()) {
            contact = records.contactOf(item.get().id()).orElse(null);
            audit.record(Staff.of(authentication).email(), "feedback contact viewed", reference, "API");
        }
        return HttpResponse.ok(ItemJson.of(item.get(), contact));
    }
}
