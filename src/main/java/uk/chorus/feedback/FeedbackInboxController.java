package uk.chorus.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.audit.AuditLog;
import uk.chorus.surveys.AboutYouTopic;
import uk.chorus.web.Dates;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.Paging;
import uk.chorus.web.PublicAddress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The leads' feedback inbox: every channel in one list, 50 a page, not yet reviewed first, filtered by
 * channel, service or page, dates, theme and whether it has been reviewed (only what is not yet
 * reviewed unless asked); each item opens on its own page, where
 * contact details (if the person agreed to be contacted) are shown and the viewing is audited.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/feedback", produces = MediaType.TEXT_HTML)
class FeedbackInboxController {
    static final int PAGE_SIZE = 50;
    /** The most items a theme filter passes on to the database; beyond it the newest are kept. */
    static final int MOST_UNDER_A_THEME = 20_000;
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

    /** The inbox a page at a time, each filter choice saying how many items it holds. */
    @Get
    MutableHttpResponse<?> inbox(Authentication authentication, @Nullable @QueryValue String channel,
                                 @Nullable @QueryValue String subject, @Nullable @QueryValue String from,
                                 @Nullable @QueryValue String to, @Nullable @QueryValue String reviewed,
                                 @Nullable @QueryValue String theme, @Nullable @QueryValue Integer page,
                                 @Nullable @QueryValue Integer recorded, @Nullable @QueryValue Integer imported) {
        InboxQuery asked = InboxQuery.read(channel, subject, from, to, reviewed, theme, page);
        Optional<List<Long>> underTheme = asked.theme().isEmpty() ? Optional.empty()
                : themes.itemsUnder(asked.theme(), MOST_UNDER_A_THEME);
        InboxQuery query = new InboxQuery(asked.channel(), asked.subject(), asked.from(), asked.to(), asked.reviewed(),
                underTheme.isPresent() ? asked.theme() : "", page);
        FeedbackRecords.Filter filter = query.filter(underTheme.orElse(null));
        FeedbackRecords.Counts counts = records.counts(filter);
        Paging paging = Paging.of(page, records.count(filter), PAGE_SIZE);
        List<FeedbackRecords.Item> items = records.page(filter, true, paging.offset(), PAGE_SIZE);
        String done = recorded != null ? messages.count("feedback.inbox.recorded", recorded)
                : imported != null ? messages.count("feedback.inbox.imported", imported) : null;
        return Pages.render("feedback/inbox", Pages.model("titleKey", "feedback.inbox.title",
                "staff", Staff.of(authentication), "tab", "inbox", "channels", channelChoices(query, counts),
                "states", stateChoices(query, counts), "themes", themeChoices(query),
                "subject", query.subject() == null ? "" : query.subject(),
                "from", query.from() == null ? "" : query.from().toString(),
                "to", query.to() == null ? "" : query.to().toString(), "subjects", records.subjects(),
                "items", items.stream().map(this::shown).toList(),
                "showing", paging.total() == 0 ? null
                        : messages.get("paging.showing", paging.from(), paging.to(), paging.total()),
                "paging", paging.links(query::href, messages.get("feedback.inbox.pages")),
                "reviewAll", items.stream().anyMatch(i -> i.reviewedAt() == null)
                        ? query.href("/staff/feedback/review-all", paging.page()) : null,
                "here", query.href(paging.page()), "done", done));
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

    private List<Choice> channelChoices(InboxQuery query, FeedbackRecords.Counts counts) {
        long every = counts.byChannel().values().stream().mapToLong(Long::longValue).sum();
        List<Choice> channels = new ArrayList<>(List.of(new Choice("",
                messages.get("feedback.inbox.every.channel.count", every), query.channel() == null)));
        Arrays.stream(Channel.values()).forEach(c -> channels.add(new Choice(c.code(),
                messages.get("feedback.inbox.choice.count", messages.get(c.labelKey()),
                        counts.byChannel().getOrDefault(c.code(), 0L)), query.channel() == c)));
        return channels;
    }

    private List<Choice> stateChoices(InboxQuery query, FeedbackRecords.Counts counts) {
        return List.of(new Choice("no", messages.get("feedback.inbox.choice.count",
                        messages.get("feedback.inbox.reviewed.no"), counts.unreviewed()), "no".equals(query.reviewed())),
                new Choice("yes", messages.get("feedback.inbox.choice.count",
                        messages.get("feedback.inbox.reviewed.yes"), counts.reviewed()), "yes".equals(query.reviewed())),
                new Choice("any", messages.get("feedback.inbox.choice.count",
                        messages.get("feedback.inbox.reviewed.any"), counts.unreviewed() + counts.reviewed()),
                        "any".equals(query.reviewed())));
    }

    private List<Choice> themeChoices(InboxQuery query) {
        List<Choice> choices = new ArrayList<>(List.of(new Choice("", messages.get("feedback.inbox.every.theme"),
                query.theme().isEmpty())));
        themes.themes().forEach(t -> choices.add(new Choice(t.id(), t.name(), t.id().equals(query.theme()))));
        return choices;
    }
}
