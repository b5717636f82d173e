package uk.chorus.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.chorus.web.CrossOriginPolicy;
import uk.chorus.web.EmailAddresses;
import uk.chorus.web.FormBody;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Message;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.RequestBody;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * "Was this page helpful?" for the Local Offer website: the documented HTML snippet any page can
 * carry posts here (from the origins in CHORUS_FEEDBACK_ORIGINS), and the same form is served
 * here for a page that would rather link to it. Works without JavaScript. A filled-in honeypot
 * field is thanked and thrown away; posts are rate limited per address (PublicRateLimit); a
 * submission id (set by the snippet's optional script, or by this page's form) makes a repeated
 * post store nothing new.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(value = "/feedback/local-offer", produces = MediaType.TEXT_HTML)
class LocalOfferController {
    /** The field people never see and robots fill in. */
    static final String HONEYPOT = "website";
    private final FeedbackRecords records;
    private final FeedbackChecker checker;
    private final CrossOriginPolicy origins;
    private final Messages messages;
    private final Clock clock;
    private final LocalOfferSubmissions submissions;

    LocalOfferController(FeedbackRecords records, FeedbackChecker checker, CrossOriginPolicy origins, Messages messages,
                         Clock clock, LocalOfferSubmissions submissions) {
        this.submissions = submissions;
        this.records = records;
        this.checker = checker;
        this.origins = origins;
        this.messages = messages;
        this.clock = clock;
    }

    public record Choice(String id, String value, String label, boolean checked) {
    }

    /** The form on its own page, for a Local Offer page that links here rather than embedding it. */
    @Get
    MutableHttpResponse<?> form(@Nullable @QueryValue String page, @Nullable @QueryValue("return") String returnTo) {
        return render(HttpStatus.OK, page == null ? "" : page, returnTo, null, "", "", UUID.randomUUID().toString(),
                FormErrors.none());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> send(HttpRequest<byte[]> request) {
        Optional<Map<String, List<String>>> form = FormBody.parse(RequestBody.bytes(request));
        if (form.isEmpty()) {
            return Pages.badForm();
        }
        Map<String, List<String>> fields = form.get();
        String page = first(fields, "page").strip();
        String helpful = first(fields, "helpful");
        String text = first(fields, "text");
        String replyTo = first(fields, "email").strip();
        String returnTo = allowedReturn(request, first(fields, "return"));
        if (!first(fields, HONEYPOT).isEmpty()) {
            // A robot: answer as if it worked, so it learns nothing, and keep nothing.
            return thanks(null, returnTo);
        }
        Boolean wasHelpful = helpful.equals("yes") ? Boolean.TRUE : helpful.equals("no") ? Boolean.FALSE : null;
        String words = FeedbackChecker.tidy(text);
        UUID submissionId = submissionId(first(fields, "submissionId"), page, helpful, words);
        NewFeedback item = new NewFeedback(submissionId, Channel.LOCAL_OFFER, page.isEmpty() ? null : page,
                LocalDate.now(clock), wasHelpful, words, Map.of(), null, null);
        Map<String, Message> problems = checker.check(item);
        boolean badEmail = !replyTo.isEmpty() && !EmailAddresses.valid(replyTo);
        if (!problems.isEmpty() || badEmail) {
            FormErrors errors = FormErrors.none();
            // Neither an answer nor words: the error points at the question, the first thing to answer.
            problems.forEach((field, message) -> errors.add(message.key().equals("feedback.error.local.offer.empty")
                    ? "helpful" : field, messages.get(message)));
            if (badEmail) {
                errors.add("email", messages.get("feedback.local.offer.error.email"));
            }
            return render(HttpStatus.UNPROCESSABLE_ENTITY, page, returnTo, helpful, text == null ? "" : text, replyTo,
                    submissionId == null ? UUID.randomUUID().toString() : submissionId.toString(), errors);
        }
        FeedbackRecords.Stored stored = submissions.store(item, replyTo);
        return thanks(words == null ? null : stored.reference(), returnTo);
    }

    @Get("/thanks")
    MutableHttpResponse<?> thanked(@Nullable @QueryValue String reference, @Nullable @QueryValue("return") String returnTo) {
        String shown = reference != null && reference.matches("FB-[0-9A-Z]{4}-[0-9A-Z]{4}") ? reference : null;
        return Pages.render("feedback/thanks", Pages.model("titleKey", "feedback.thanks.title", "publicPage", true,
                "reference", shown, "returnTo", embedderPage(returnTo)));
    }

    private MutableHttpResponse<?> thanks(@Nullable String reference, @Nullable String returnTo) {
        UriBuilder uri = UriBuilder.of("/feedback/local-offer/thanks");
        if (reference != null) {
            uri.queryParam("reference", reference);
        }
        if (returnTo != null) {
            uri.queryParam("return", returnTo);
        }
        return Pages.seeOther(uri.toString());
    }

    private MutableHttpResponse<?> render(HttpStatus status, String page, @Nullable String returnTo,
                                          @Nullable String helpful, String text, String email, String submissionId,
                                          FormErrors errors) {
        Map<String, Object> model = Pages.model("titleKey", "feedback.local.offer.title", "publicPage", true,
                "page", page, "returnTo", returnTo, "text", text, "email", email, "submissionId", submissionId,
                "choices", List.of(new Choice("helpful", "yes", messages.get("feedback.local.offer.yes"), "yes".equals(helpful)),
                        new Choice("helpful-no", "no", messages.get("feedback.local.offer.no"), "no".equals(helpful))));
        return Pages.render(status, "feedback/local-offer", errors.addTo(model));
    }

    /** A page of a website allowed to embed the form, or null: the thanks page links only there. */
    private @Nullable String embedderPage(@Nullable String address) {
        String origin = originOf(address);
        return origin != null && origins.mayEmbed(origin) ? address : null;
    }

    private static @Nullable String originOf(@Nullable String address) {
        if (address == null || address.isEmpty() || address.length() > 1000) {
            return null;
        }
        try {
            URI target = URI.create(address);
            boolean web = "https".equals(target.getScheme()) || "http".equals(target.getScheme());
            return web && target.getHost() != null ? target.getScheme() + "://" + target.getHost()
                    + (target.getPort() < 0 ? "" : ":" + target.getPort()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Where to send the person back to: only a page of the website that posted the form, and only
     * when that website may embed it; otherwise nowhere (no open redirect through this service).
     */
    private @Nullable String allowedReturn(HttpRequest<?> request, String returnTo) {
        String targetOrigin = originOf(returnTo);
        String postedFrom = request.getHeaders().get("Origin");
        boolean fromThatSite = targetOrigin != null && targetOrigin.equalsIgnoreCase(postedFrom);
        return fromThatSite && origins.mayEmbed(targetOrigin) ? returnTo : null;
    }

    /**
     * The client's submission id; without one (no JavaScript), written words sent twice within the
     * same minute about the same page are taken as one press sent twice. A bare "yes" or "no" is
     * always counted: two people can press the same button in the same minute.
     */
    private @Nullable UUID submissionId(String sent, String page, String helpful, @Nullable String words) {
        if (!sent.isEmpty()) {
            try {
                return UUID.fromString(sent);
            } catch (IllegalArgumentException e) {
                // Not an id after all: derive one as if none were sent.
            }
        }
        if (words == null) {
            return null;
        }
        long minute = Instant.now(clock).getEpochSecond() / 60;
        return UUID.nameUUIDFromBytes((page + "\n" + helpful + "\n" + words + "\n" + minute)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String first(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}
