package uk.chorus.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForms;
import uk.chorus.audit.AuditLog;
import uk.chorus.surveys.AboutYouTopic;
import uk.chorus.web.Dates;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.PublicAddress;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The leads' feedback inbox: every channel in one list, newest first, filtered by channel,
 * service or page, dates, theme and whether it has been reviewed; each item opens on its own page, where
 * contact details (if the person agreed to be contacted) are shown and the viewing is audited.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/feedback", produces = MediaType.TEXT_HTML)
class FeedbackInboxController {
    static final int PAGE_SIZE = 100;
    /** The most items a theme filter passes on to the database; beyond it the newest are kept. */
    private static final int MOST_UNDER_A_THEME = 20_000;
    private final FeedbackRecords records;
    private final FeedbackThemes themes;
    private final AuditLog audit;
    private final Messages messages;
    private final PublicAddress address;

    FeedbackInboxController(FeedbackRecords records, FeedbackThemes themes, AuditLog audit, Messages messages,
                            PublicAddress address) {
        this.records = records;
        this.themes = themes;
        this.audit = audit;
        this.messages = messages;
        this.address = address;
    }

    public record Choice(String value, String label, boolean selected) {
    }

    public record Shown(String reference, String date, String channel, @Nullable String subject, @Nullable String text,
                        @Nullable String helpful, List<String> about, boolean reviewed, boolean hasContact,
                        @Nullable String enteredBy) {
    }

    @Get
    MutableHttpResponse<?> inbox(Authentication authentication, @Nullable @QueryValue String channel,
                                 @Nullable @QueryValue String subject, @Nullable @QueryValue String from,
                                 @Nullable @QueryValue String to, @Nullable @QueryValue String reviewed,
                                 @Nullable @QueryValue String theme, @Nullable @QueryValue Integer recorded, @Nullable @QueryValue Integer imported) {
        Optional<Channel> chosen = channel == null ? Optional.empty() : Channel.fromCode(channel);
        LocalDate start = date(from);
        LocalDate end = date(to);
        Boolean isReviewed = "yes".equals(reviewed) ? Boolean.TRUE : "no".equals(reviewed) ? Boolean.FALSE : null;
        String about = subject == null || subject.isBlank() ? null : subject.strip();
        Optional<List<Long>> underTheme = theme == null || theme.isBlank() ? Optional.empty()
                : themes.itemsUnder(theme.strip(), MOST_UNDER_A_THEME);
        String themeId = underTheme.isPresent() ? theme.strip() : "";
        List<FeedbackRecords.Item> items = records.search(new FeedbackRecords.Filter(chosen.orElse(null), about, start, end,
                isReviewed, underTheme.orElse(null)), PAGE_SIZE + 1);
        List<Choice> themeChoices = new ArrayList<>(List.of(new Choice("", messages.get("feedback.inbox.every.theme"),
                themeId.isEmpty())));
        themes.themes().forEach(t -> themeChoices.add(new Choice(t.id(), t.name(), t.id().equals(themeId))));
        List<Choice> channels = new ArrayList<>(List.of(new Choice("", messages.get("feedback.inbox.every.channel"),
                chosen.isEmpty())));
        Arrays.stream(Channel.values()).forEach(c -> channels.add(new Choice(c.code(), messages.get(c.labelKey()),
                chosen.orElse(null) == c)));
        List<Choice> states = List.of(new Choice("", messages.get("feedback.inbox.reviewed.any"), isReviewed == null),
                new Choice("no", messages.get("feedback.inbox.reviewed.no"), Boolean.FALSE.equals(isReviewed)),
                new Choice("yes", messages.get("feedback.inbox.reviewed.yes"), Boolean.TRUE.equals(isReviewed)));
        String here = UriBuilder.of("/staff/feedback").queryParam("channel", channel == null ? "" : channel)
                .queryParam("subject", about == null ? "" : about).queryParam("from", start == null ? "" : start.toString())
                .queryParam("to", end == null ? "" : end.toString()).queryParam("reviewed", reviewed == null ? "" : reviewed)
                .queryParam("theme", themeId).toString();
        String done = recorded != null ? messages.count("feedback.inbox.recorded", recorded)
                : imported != null ? messages.count("feedback.inbox.imported", imported) : null;
        return Pages.render("feedback/inbox", Pages.model("titleKey", "feedback.inbox.title",
                "staff", Staff.of(authentication), "tab", "inbox", "channels", channels, "states", states,
                "themes", themeChoices,
                "subject", about == null ? "" : about, "from", start == null ? "" : start.toString(),
                "to", end == null ? "" : end.toString(), "subjects", records.subjects(),
                "items", items.stream().limit(PAGE_SIZE).map(this::shown).toList(), "more", items.size() > PAGE_SIZE,
                "references", items.stream().limit(PAGE_SIZE).filter(i -> i.reviewedAt() == null)
                        .map(FeedbackRecords.Item::reference).toList(),
                "here", here, "done", done));
    }

    @Get("/items/{reference}")
    MutableHttpResponse<?> item(Authentication authentication, String reference) {
        Optional<FeedbackRecords.Item> item = records.byReference(reference);
        if (item.isEmpty()) {
            return Pages.notFound();
        }
        Staff staff = Staff.of(authentication);
        NewFeedback.Contact contact = null;
        if (item.get().hasContact()) {
            contact = records.contactOf(item.get().id()).orElse(null);
            audit.record(staff.email(), "feedback contact viewed", reference, null);
        }
        return Pages.render("feedback/item", Pages.model("title", messages.get("feedback.item.title", reference),
                "staff", staff, "tab", "inbox", "item", shown(item.get()), "contact", contact,
                "reviewedBy", item.get().reviewedBy(), "backUrl", "/staff/feedback",
                "themesHref", "/staff/themes/comments/f:" + item.get().id()));
    }

    @Post(uri = "/reviewed", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> reviewed(HttpRequest<byte[]> request, Authentication authentication) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        List<String> references = form.get().getOrDefault("reference", List.of()).stream()
                .filter(r -> r.matches("FB-[0-9A-Z]{4}-[0-9A-Z]{4}")).toList();
        records.markReviewed(references, Staff.of(authentication).email());
        String back = StaffForms.first(form.get(), "back");
        return Pages.seeOther(back.startsWith("/staff/feedback") && !back.startsWith("//") ? back : "/staff/feedback");
    }

    /** The snippet a Local Offer page carries, with this service's own address in it. */
    @Get("/embed")
    MutableHttpResponse<?> embed(Authentication authentication) {
        return Pages.render("feedback/embed", Pages.model("titleKey", "feedback.embed.title",
                "staff", Staff.of(authentication), "tab", "embed", "snippet", Snippet.html(address.base()),
                "formUrl", address.link("/feedback/local-offer?page=Short%20breaks")));
    }

    private Shown shown(FeedbackRecords.Item item) {
        List<String> about = new ArrayList<>();
        item.about().forEach((topic, code) -> about.add(aboutLabel(topic, code)));
        String helpful = item.helpful() == null ? null
                : messages.get(item.helpful() ? "feedback.helpful.yes" : "feedback.helpful.no");
        return new Shown(item.reference(), Dates.longForm(item.occurredOn()), messages.get(item.channel().labelKey()),
                item.subject(), item.text(), helpful, about, item.reviewedAt() != null, item.hasContact(), item.enteredBy());
    }

    private static String aboutLabel(String topic, String code) {
        return AboutYouTopic.fromFileName(topic).flatMap(t -> {
            if (code.equals(AboutYouTopic.PREFER_NOT_TO_SAY.code())) {
                return Optional.of(AboutYouTopic.PREFER_NOT_TO_SAY.label());
            }
            return t.standardOptions().stream().filter(o -> o.code().equals(code)).map(o -> o.label()).findFirst();
        }).orElse(code);
    }

    private static @Nullable LocalDate date(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
