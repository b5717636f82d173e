package uk.chorus.surveys;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.chorus.web.Dates;
import uk.chorus.web.Pages;
import uk.chorus.web.PublicAddress;
import uk.chorus.web.SiteConfiguration;

import java.time.LocalDate;
import java.util.List;

/**
 * The pages every public service owes the people who use it, linked from every footer: how their
 * answers are used (with each open survey's own notice), the accessibility statement in the
 * standard public-sector form, and how to reach a person.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(produces = MediaType.TEXT_HTML)
class InformationController {
    // When the checks behind the accessibility statement last ran on this version of the service.
    static final LocalDate TESTED = LocalDate.of(2026, 11, 23);
    private final SurveyCatalogue catalogue;
    private final SiteConfiguration site;
    private final SmallestGroup smallestGroup;
    private final PublicAddress address;
    private final String tested;
    private final int feedbackMonths;
    private final String feedbackExceptions;
    private final int pledgeContactMonths;

    InformationController(SurveyCatalogue catalogue, SiteConfiguration site, SmallestGroup smallestGroup,
                          PublicAddress address, @Value("${chorus.accessibility.tested:}") String tested,
                          // Read as settings, not from the features that apply them, so this page depends on neither.
                          @Value("${chorus.feedback.retention-months:24}") int feedbackMonths,
                          @Value("${chorus.feedback.retention:}") String feedbackExceptions,
                          @Value("${chorus.pledges.contact-retention-months:12}") int pledgeContactMonths) {
        this.feedbackMonths = feedbackMonths;
        this.feedbackExceptions = feedbackExceptions == null ? "" : feedbackExceptions.strip();
        this.pledgeContactMonths = pledgeContactMonths;
        this.catalogue = catalogue;
        this.site = site;
        this.smallestGroup = smallestGroup;
        this.address = address;
        this.tested = tested == null || tested.isBlank() ? Dates.longForm(TESTED) : Dates.longForm(LocalDate.parse(tested));
    }

    public record Notice(String title, String notice, int retentionMonths, String closes) {
    }

    @Get("/privacy")
    MutableHttpResponse<?> privacy() {
        List<Notice> notices = catalogue.open().stream().map(s -> new Notice(s.definition().title(),
                smallestGroup.privacyNotice(s.definition()),
                s.definition().retentionMonths() == null ? SurveyDefinition.DEFAULT_RETENTION_MONTHS
                        : s.definition().retentionMonths(), Dates.longForm(s.definition().closes()))).toList();
        // "local-offer=12,coffee-morning=36" read out as "local offer: 12 months, coffee morning: 36 months".
        List<String> exceptions = java.util.Arrays.stream(feedbackExceptions.split(","))
                .map(String::strip).filter(e -> e.matches("[a-z-]+=[0-9]+"))
                .map(e -> e.replace('-', ' ').replace("=", ": ") + " months").toList();
        return Pages.render("surveys/privacy", Pages.model("titleKey", "privacy.title", "notices", notices,
                "smallestGroup", smallestGroup.standard(), "dataProtectionEmail", site.getDataProtectionEmail(),
                "dataController", site.getDataController(), "lawfulBasis", site.getLawfulBasis(),
                "contactEmail", site.getContactEmail(), "contactPhone", site.getContactPhone(),
                "answerMonths", SurveyDefinition.DEFAULT_RETENTION_MONTHS, "feedbackMonths", feedbackMonths,
                "feedbackExceptions", exceptions.isEmpty() ? null : String.join(", ", exceptions),
                "pledgeContactMonths", pledgeContactMonths, "publicPage", true));
    }

    @Get("/accessibility")
    MutableHttpResponse<?> accessibility() {
        return Pages.render("surveys/accessibility", Pages.model("titleKey", "accessibility.title",
                "address", address.base(), "tested", tested, "contactEmail", site.getContactEmail(),
                "contactPhone", site.getContactPhone(), "publicPage", true));
    }

    @Get("/contact")
    MutableHttpResponse<?> contact() {
        return Pages.render("surveys/contact", Pages.model("titleKey", "contact.title",
                "contactEmail", site.getContactEmail(), "contactPhone", site.getContactPhone(),
                "dataProtectionEmail", site.getDataProtectionEmail(), "publicPage", true));
    }
}
