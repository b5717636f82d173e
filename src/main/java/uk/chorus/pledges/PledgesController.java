package uk.chorus.pledges;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.web.CsvWriter;
import uk.chorus.web.DateFields;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForms;
import uk.chorus.audit.AuditLog;
import uk.chorus.web.Charts;
import uk.chorus.web.Dates;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.Uploads;
import uk.chorus.web.Slugs;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A lead runs a pledge campaign: creates it, imports the circulation list, invites and reminds
 * by email, approves organisations that asked to join, watches signatures against the target by
 * sector and over time, sends the one-year-on review and reads what signers did.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/pledges", produces = MediaType.TEXT_HTML)
class PledgesController {
    private final Campaigns campaigns;
    private final Circulation circulation;
    private final Tracking tracking;
    private final PledgeImport importer;
    private final PledgeMail mail;
    private final AuditLog audit;
    private final Messages messages;

    PledgesController(Campaigns campaigns, Circulation circulation, Tracking tracking, PledgeImport importer,
                      PledgeMail mail, AuditLog audit, Messages messages) {
        this.campaigns = campaigns;
        this.circulation = circulation;
        this.tracking = tracking;
        this.importer = importer;
        this.mail = mail;
        this.audit = audit;
        this.messages = messages;
    }

    @Get
    MutableHttpResponse<?> list(Authentication authentication) {
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Campaigns.Campaign campaign : campaigns.all()) {
            Tracking.Figures figures = tracking.figures(campaign, circulation.of(campaign.id()));
            listed.add(Map.of("campaign", campaign, "figures", figures));
        }
        return Pages.render("pledges/list", Pages.model("titleKey", "pledges.list.title", "staff",
                Staff.of(authentication), "campaigns", listed));
    }

    @Get("/new")
    MutableHttpResponse<?> newCampaign(Authentication authentication) {
        LocalDate today = LocalDate.now(Dates.UK);
        return form(authentication, HttpStatus.OK, Map.of("campaignTitle", messages.get("pledges.new.default.title"),
                "pledge", messages.get("pledges.new.default.pledge"), "commitments",
                messages.get("pledges.new.default.commitments"), "target", "85", "launch", DateFields.of(today),
                "review", DateFields.of(today.plusYears(1))), FormErrors.none());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(HttpRequest<byte[]> request, Authentication authentication) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Map<String, String> entered = new LinkedHashMap<>();
        for (String field : List.of("title", "pledge", "commitments", "target", "launch", "review")) {
            entered.put(field.equals("title") ? "campaignTitle" : field, StaffForms.first(form.get(), field).strip());
        }
        FormErrors errors = FormErrors.none();
        String title = entered.get("campaignTitle");
        if (title.isEmpty() || title.length() > 200) {
            errors.add("title", messages.get("pledges.new.error.title"));
        }
        if (entered.get("pledge").isEmpty() || entered.get("pledge").length() > 5000) {
            errors.add("pledge", messages.get("pledges.new.error.pledge"));
        }
        List<String> commitments = Arrays.stream(entered.get("commitments").split("\\R")).map(String::strip)
                .filter(c -> !c.isEmpty()).toList();
        if (commitments.isEmpty() || commitments.size() > 20 || commitments.stream().anyMatch(c -> c.length() > 500)) {
            errors.add("commitments", messages.get("pledges.new.error.commitments"));
        }
        BigDecimal target = null;
        try {
            target = new BigDecimal(entered.get("target").replace("%", "").strip());
        } catch (NumberFormatException e) {
            target = null;
        }
        if (target == null || target.signum() <= 0 || target.compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add("target", messages.get("pledges.new.error.target"));
        }
        DateFields.Typed launchTyped = typed(form.get(), "launch");
        DateFields.Typed reviewTyped = typed(form.get(), "review");
        LocalDate launch = launchTyped.date();
        LocalDate review = reviewTyped.date();
        if (launch == null) {
            errors.add("launch", messages.get("pledges.new.error.launch"));
        }
        if (review == null || launch != null && review.isBefore(launch)) {
            errors.add("review", messages.get("pledges.new.error.review"));
        }
        if (errors.any()) {
            Map<String, Object> again = new LinkedHashMap<>(entered);
            again.put("launch", launchTyped);
            again.put("review", reviewTyped);
            return form(authentication, HttpStatus.UNPROCESSABLE_ENTITY, again, errors);
        }
        String slug = Slugs.of(title, "pledge");
        Optional<Long> id = Optional.empty();
        for (int n = 1; id.isEmpty() && n < 100; n++) {
            id = campaigns.create(n == 1 ? slug : slug + "-" + n, title, entered.get("pledge"),
                    target.divide(BigDecimal.valueOf(100)), launch, review, commitments, Staff.of(authentication).email());
        }
        return Pages.seeOther("/staff/pledges/" + id.orElseThrow());
    }

    @Get("/{id}")
    MutableHttpResponse<?> dashboard(Authentication authentication, long id, @Nullable @QueryValue Integer invited,
                                     @Nullable @QueryValue Integer reminded, @Nullable @QueryValue Integer imported,
                                     @Nullable @QueryValue Integer reviews) {
        Optional<Campaigns.Campaign> campaign = campaigns.find(id);
        if (campaign.isEmpty()) {
            return Pages.notFound();
        }
        return Pages.render("pledges/dashboard", dashboardModel(authentication, campaign.get(),
                invited != null ? messages.count("pledges.done.invited", invited)
                        : reminded != null ? messages.count("pledges.done.reminded", reminded)
                        : imported != null ? messages.count("pledges.done.imported", imported)
                        : reviews != null ? messages.count("pledges.done.reviews", reviews) : null,
                FormErrors.none(), Map.of()));
    }

    @Post(uri = "/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> importList(Authentication authentication, long id, @Nullable @Part("_csrf") String csrf,
                                      @Nullable @Part("file") CompletedFileUpload file) throws IOException {
        if (!StaffForms.csrfMatches(authentication, csrf)) {
            return Pages.expiredForm();
        }
        Optional<Campaigns.Campaign> campaign = campaigns.find(id);
        if (campaign.isEmpty()) {
            return Pages.notFound();
        }
        if (file == null || file.getSize() == 0) {
            return Pages.render(HttpStatus.UNPROCESSABLE_ENTITY, "pledges/dashboard", dashboardModel(authentication,
                    campaign.get(), null, FormErrors.of("file", messages.get("pledges.import.error.no.file")), Map.of()));
        }
        Optional<String> text = Uploads.utf8(file.getBytes());
        if (text.isEmpty()) {
            return Pages.render(HttpStatus.UNPROCESSABLE_ENTITY, "pledges/dashboard", dashboardModel(authentication,
                    campaign.get(), null, FormErrors.of("file", messages.get("pledges.import.error.not.utf8")), Map.of()));
        }
        String csv = text.get();
        PledgeImport.Checked checked = importer.check(csv, circulation.of(id));
        if (!checked.problems().isEmpty()) {
            return Pages.render(HttpStatus.UNPROCESSABLE_ENTITY, "pledges/dashboard", dashboardModel(authentication,
                    campaign.get(), null, FormErrors.of("file", messages.count("pledges.import.error.problems",
                            checked.problems().size())), Map.of("problems", checked.problems().stream().limit(100).toList(),
                            "duplicates", checked.duplicates())));
        }
        int added = circulation.add(id, checked.organisations(), Staff.of(authentication).email());
        if (!checked.duplicates().isEmpty()) {
            return Pages.render("pledges/dashboard", dashboardModel(authentication, campaign.get(),
                    messages.count("pledges.done.imported", added), FormErrors.none(),
                    Map.of("duplicates", checked.duplicates())));
        }
        return Pages.seeOther("/staff/pledges/" + id + "?imported=" + added);
    }

    /** Invites every circulated organisation not yet invited, or reminds every invited one that has not signed. */
    @Post(uri = "/{id}/{kind:invite|remind|review}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> send(HttpRequest<byte[]> request, Authentication authentication, long id, String kind) {
        if (StaffForms.read(authentication, request).isEmpty()) {
            return Pages.expiredForm();
        }
        Optional<Campaigns.Campaign> campaign = campaigns.find(id);
        if (campaign.isEmpty()) {
            return Pages.notFound();
        }
        List<Circulation.Organisation> organisations = circulation.of(id);
        Map<Long, Tracking.Step> steps = tracking.steps(organisations);
        List<Circulation.Organisation> to = organisations.stream().filter(o -> o.circulated() && switch (kind) {
            case "invite" -> steps.get(o.id()) == Tracking.Step.NOT_INVITED;
            case "remind" -> !o.signed() && steps.get(o.id()) != Tracking.Step.NOT_INVITED
                    && steps.get(o.id()) != Tracking.Step.BOUNCED;
            default -> o.signed();
        }).toList();
        PledgeMail.Kind mailKind = switch (kind) {
            case "invite" -> PledgeMail.Kind.INVITATION;
            case "remind" -> PledgeMail.Kind.REMINDER;
            default -> PledgeMail.Kind.REVIEW;
        };
        int queued = mail.queue(mailKind, campaign.get(), to);
        audit.record(Staff.of(authentication).email(), "pledge email queued", campaign.get().slug(),
                kind + " " + queued);
        String done = switch (kind) {
            case "invite" -> "invited";
            case "remind" -> "reminded";
            default -> "reviews";
        };
        return Pages.seeOther("/staff/pledges/" + id + "?" + done + "=" + queued);
    }

    @Post(uri = "/{id}/organisations/{organisationId}/{decision:approve|reject}",
            consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> moderate(HttpRequest<byte[]> request, Authentication authentication, long id,
                                    long organisationId, String decision) {
        if (StaffForms.read(authentication, request).isEmpty()) {
            return Pages.expiredForm();
        }
        circulation.moderate(id, organisationId, decision.equals("approve"), Staff.of(authentication).email());
        return Pages.seeOther("/staff/pledges/" + id + "#requests");
    }

    @Get(uri = "/{id}/review")
    MutableHttpResponse<?> review(Authentication authentication, long id) {
        Optional<Campaigns.Campaign> campaign = campaigns.find(id);
        if (campaign.isEmpty()) {
            return Pages.notFound();
        }
        List<Circulation.Organisation> organisations = circulation.of(id);
        return Pages.render("pledges/review-report", Pages.model("title", messages.get("pledges.review.report.title",
                        campaign.get().title()), "staff", Staff.of(authentication), "campaign", campaign.get(),
                "report", ReviewReport.of(campaign.get(), organisations, circulation.reviews(id), messages),
                "backUrl", "/staff/pledges/" + id));
    }

    @Get(uri = "/{id}/signatures.csv", produces = "text/csv")
    MutableHttpResponse<?> csv(Authentication authentication, long id) {
        Optional<Campaigns.Campaign> campaign = campaigns.find(id);
        if (campaign.isEmpty()) {
            return Pages.notFound();
        }
        StringWriter out = new StringWriter();
        List<Circulation.Organisation> organisations = circulation.of(id);
        Map<Long, Tracking.Step> steps = tracking.steps(organisations);
        try (CsvWriter printer = CsvWriter.to(out)) {
            printer.row("organisation", "sector", "contact_name", "contact_email", "status", "signer_name",
                    "signer_role", "signed_at", "listed");
            for (Circulation.Organisation o : organisations) {
                Circulation.Signature s = o.signature();
                printer.row(o.name(), o.sector().code(), o.contactName(), o.contactEmail(),
                        steps.get(o.id()).name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        s == null ? "" : s.signerName(), s == null ? "" : s.signerRole(),
                        s == null ? "" : s.signedAt().toString(), s == null ? "" : Boolean.toString(s.listed()));
            }
        }
        audit.record(Staff.of(authentication).email(), "pledge signatures exported", campaign.get().slug(), null);
        return HttpResponse.ok(out.toString().getBytes(StandardCharsets.UTF_8))
                .contentType(new MediaType("text/csv; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + campaign.get().slug()
                        + "-signatures.csv\"");
    }

    private Map<String, Object> dashboardModel(Authentication authentication, Campaigns.Campaign campaign,
                                               @Nullable String done, FormErrors errors, Map<String, Object> extra) {
        List<Circulation.Organisation> organisations = circulation.of(campaign.id());
        Tracking.Figures figures = tracking.figures(campaign, organisations);
        Map<Long, Tracking.Step> steps = tracking.steps(organisations);
        List<Map<String, Object>> sectors = figures.sectors().stream().map(s -> Map.<String, Object>of(
                "label", messages.get(Sector.fromText(s.sector()).orElse(Sector.OTHER).labelKey()),
                "circulated", s.circulated(), "signed", s.signed(), "percent", s.percent() + "%")).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> requests = new ArrayList<>();
        for (Circulation.Organisation o : organisations) {
            Map<String, Object> row = Map.of("id", o.id(), "name", o.name(), "sector",
                    messages.get(o.sector().labelKey()), "contact", o.contactEmail() == null ? "–" : o.contactEmail(),
                    "step", messages.get("pledges.step." + steps.get(o.id()).name().toLowerCase(Locale.ROOT)),
                    "signed", o.signed());
            if (steps.get(o.id()) == Tracking.Step.PENDING) {
                requests.add(row);
            } else if (o.circulated()) {
                rows.add(row);
            }
        }
        Map<String, Object> model = Pages.model("title", campaign.title(), "staff", Staff.of(authentication),
                "campaign", campaign, "figures", figures, "sectors", sectors, "organisations", rows,
                "notSigned", rows.stream().filter(r -> !(Boolean) r.get("signed")).count(), "requests", requests,
                "chart", figures.circulated() == 0 ? null : chart(campaign, figures), "done", done, "backUrl", "/staff/pledges",
                "reviewDue", !LocalDate.now(Dates.UK).isBefore(campaign.reviewOn()));
        model.putAll(extra);
        return errors.addTo(model);
    }

    /** Signatures so far against the number the target needs, at up to twelve points since launch. */
    private Charts.LinesChart chart(Campaigns.Campaign campaign, Tracking.Figures figures) {
        List<long[]> weeks = tracking.weekly(campaign, LocalDate.now(Dates.UK));
        int step = Math.max(1, (int) Math.ceil(weeks.size() / 12.0));
        List<String> columns = new ArrayList<>();
        List<Double> signed = new ArrayList<>();
        List<Double> target = new ArrayList<>();
        double needed = Math.ceil(campaign.target().doubleValue() * figures.circulated());
        for (int i = 0; i < weeks.size(); i += step) {
            int at = Math.min(weeks.size() - 1, i + step - 1);
            LocalDate day = campaign.launchOn().plusDays(weeks.get(at)[0]);
            LocalDate today = LocalDate.now(Dates.UK);
            columns.add(Dates.shortForm(day.isAfter(today) ? today : day));
            signed.add((double) weeks.get(at)[1]);
            target.add(needed);
        }
        return Charts.lines("pledge-" + campaign.id(), messages.get("pledges.chart.title"),
                messages.get("pledges.chart.description", campaign.targetPercent()), columns,
                List.of(new Charts.SeriesInput(messages.get("pledges.chart.signed"), "c1", signed),
                        new Charts.SeriesInput(messages.get("pledges.chart.target", campaign.targetPercent()), "c2",
                                target)));
    }

    private MutableHttpResponse<?> form(Authentication authentication, HttpStatus status, Map<String, ?> entered,
                                        FormErrors errors) {
        Map<String, Object> model = Pages.model("titleKey", "pledges.new.title", "staff", Staff.of(authentication),
                "backUrl", "/staff/pledges");
        model.putAll(entered);
        return Pages.render(status, "pledges/new", errors.addTo(model));
    }


    /**
     * A date from GOV.UK's three boxes (name-day, name-month, name-year); a client that sends one
     * field in ISO form (2026-01-15), as scripts and older forms do, is read too.
     */
    private static DateFields.Typed typed(Map<String, List<String>> form, String name) {
        String iso = StaffForms.first(form, name).strip();
        if (!iso.isEmpty() && !form.containsKey(name + "-day")) {
            LocalDate date = date(iso);
            return date == null ? new DateFields.Typed("", "", "", null) : DateFields.of(date);
        }
        return DateFields.read(form, name);
    }

    private static @Nullable LocalDate date(String text) {
        try {
            return text.isEmpty() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
