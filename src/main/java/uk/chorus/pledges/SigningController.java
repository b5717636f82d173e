package uk.chorus.pledges;

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
import io.micronaut.security.rules.SecurityRule;
import uk.chorus.web.EmailAddresses;
import uk.chorus.web.FormBody;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.RequestBody;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The pledge for the people who sign it: through an organisation's own link (from the
 * invitation), or by asking to join from the campaign's public page; withdrawing; the one-year-on
 * review; and the public page of who has signed. Signing twice, or on two devices, changes the one
 * signature. No account is needed: the link is the key.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(produces = MediaType.TEXT_HTML)
class SigningController {
    static final String HONEYPOT = "website";
    private final Campaigns campaigns;
    private final Circulation circulation;
    private final SigningLinks links;
    private final Tracking tracking;
    private final Messages messages;

    SigningController(Campaigns campaigns, Circulation circulation, SigningLinks links, Tracking tracking,
                      Messages messages) {
        this.campaigns = campaigns;
        this.circulation = circulation;
        this.links = links;
        this.tracking = tracking;
        this.messages = messages;
    }

    public record Choice(String id, String value, String label, boolean checked) {
    }

    private record Found(Circulation.Organisation organisation, Campaigns.Campaign campaign) {
    }

    @Get("/pledge/sign/{token}")
    MutableHttpResponse<?> signPage(String token, @Nullable @QueryValue String done) {
        Optional<Found> found = find(token);
        if (found.isEmpty()) {
            return Pages.notFound();
        }
        circulation.opened(found.get().organisation().id());
        Circulation.Signature signature = found.get().organisation().signature();
        Map<String, String> entered = new LinkedHashMap<>();
        if (signature != null && signature.standing()) {
            entered.put("name", signature.signerName());
            entered.put("role", signature.signerRole());
            entered.put("own", signature.own() == null ? "" : signature.own());
        }
        return sign(HttpStatus.OK, found.get(), token, entered, signature == null || !signature.standing() ? List.of()
                : signature.commitments(), signature == null || signature.listed(), FormErrors.none(), done);
    }

    @Post(uri = "/pledge/sign/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signIt(String token, HttpRequest<byte[]> request) {
        Optional<Map<String, List<String>>> parsed = FormBody.parse(RequestBody.bytes(request));
        if (parsed.isEmpty()) {
            return Pages.badForm();
        }
        Map<String, List<String>> form = parsed.get();
        Optional<Found> found = find(token);
        if (found.isEmpty()) {
            return Pages.notFound();
        }
        Signed signed = read(found.get().campaign(), form);
        if (signed.errors().any()) {
            return sign(HttpStatus.UNPROCESSABLE_ENTITY, found.get(), token, signed.entered(), signed.commitments(),
                    signed.listed(), signed.errors(), null);
        }
        circulation.sign(found.get().organisation().id(), signed.entered().get("name"), signed.entered().get("role"),
                signed.commitments(), signed.own(), signed.listed());
        return Pages.seeOther("/pledge/sign/" + token + "?done=signed");
    }

    @Post(uri = "/pledge/sign/{token}/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> withdraw(String token) {
        Optional<Found> found = find(token);
        if (found.isEmpty()) {
            return Pages.notFound();
        }
        circulation.withdraw(found.get().organisation().id());
        return Pages.seeOther("/pledge/sign/" + token + "?done=withdrawn");
    }

    /** Organisations not on the list ask to join here; a lead approves them before they count. */
    @Get("/pledges/{slug}/join")
    MutableHttpResponse<?> joinPage(String slug) {
        return campaigns.bySlug(slug).<MutableHttpResponse<?>>map(c -> join(HttpStatus.OK, c, Map.of(), List.of(), true,
                FormErrors.none())).orElseGet(Pages::notFound);
    }

    @Post(uri = "/pledges/{slug}/join", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> joinIt(String slug, HttpRequest<byte[]> request) {
        Optional<Map<String, List<String>>> parsed = FormBody.parse(RequestBody.bytes(request));
        if (parsed.isEmpty()) {
            return Pages.badForm();
        }
        Map<String, List<String>> form = parsed.get();
        Optional<Campaigns.Campaign> campaign = campaigns.bySlug(slug);
        if (campaign.isEmpty()) {
            return Pages.notFound();
        }
        if (!first(form, HONEYPOT).isEmpty()) {
            // A form-filling robot: thanked, and nothing kept.
            return Pages.seeOther("/pledges/" + slug + "?asked=1");
        }
        Signed signed = read(campaign.get(), form);
        Map<String, String> entered = new LinkedHashMap<>(signed.entered());
        FormErrors errors = signed.errors();
        String organisation = first(form, "organisation");
        String email = first(form, "email");
        Optional<Sector> sector = Sector.fromText(first(form, "sector"));
        entered.put("organisation", organisation);
        entered.put("email", email);
        entered.put("sector", first(form, "sector"));
        if (organisation.isEmpty() || organisation.length() > 200) {
            errors.add("organisation", messages.get("pledges.join.error.organisation"));
        }
        if (sector.isEmpty()) {
            errors.add("sector-early-years", messages.get("pledges.join.error.sector"));
        }
        if (!EmailAddresses.valid(email)) {
            errors.add("email", messages.get("pledges.join.error.email"));
        }
        if (errors.any()) {
            return join(HttpStatus.UNPROCESSABLE_ENTITY, campaign.get(), entered, signed.commitments(), signed.listed(),
                    errors);
        }
        Optional<Long> id = circulation.requestToJoin(campaign.get().id(), new Circulation.NewOrganisation(organisation,
                sector.get(), signed.entered().get("name"), email));
        if (id.isEmpty()) {
            errors.add("organisation", messages.get("pledges.join.error.listed"));
            return join(HttpStatus.UNPROCESSABLE_ENTITY, campaign.get(), entered, signed.commitments(), signed.listed(),
                    errors);
        }
        circulation.sign(id.get(), signed.entered().get("name"), signed.entered().get("role"), signed.commitments(),
                signed.own(), signed.listed());
        return Pages.seeOther("/pledges/" + slug + "?asked=1");
    }

    /** Who has signed (those that chose to be listed), by sector, and where the campaign stands. */
    @Get("/pledges/{slug}")
    MutableHttpResponse<?> signed(String slug, @Nullable @QueryValue String asked) {
        Optional<Campaigns.Campaign> campaign = campaigns.bySlug(slug);
        if (campaign.isEmpty()) {
            return Pages.notFound();
        }
        List<Circulation.Organisation> organisations = circulation.of(campaign.get().id());
        Tracking.Figures figures = tracking.figures(campaign.get(), organisations);
        List<Map<String, Object>> bySector = new ArrayList<>();
        for (Sector sector : Sector.values()) {
            List<String> names = organisations.stream().filter(o -> o.circulated() && o.signed() && o.sector() == sector
                    && o.signature().listed()).map(Circulation.Organisation::name).toList();
            if (!names.isEmpty()) {
                bySector.add(Map.of("sector", messages.get(sector.labelKey()), "names", names));
            }
        }
        return Pages.render("pledges/public", Pages.model("title", campaign.get().title(), "publicPage", true,
                "campaign", campaign.get(), "figures", figures, "bySector", bySector, "asked", asked != null));
    }

    @Get("/pledge/review/{token}")
    MutableHttpResponse<?> reviewPage(String token, @Nullable @QueryValue String done) {
        Optional<Found> found = find(token);
        if (found.isEmpty() || !found.get().organisation().signed()) {
            return Pages.notFound();
        }
        return review(HttpStatus.OK, found.get(), token, Map.of(), FormErrors.none(), done != null);
    }

    @Post(uri = "/pledge/review/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> reviewIt(String token, HttpRequest<byte[]> request) {
        Optional<Map<String, List<String>>> parsed = FormBody.parse(RequestBody.bytes(request));
        if (parsed.isEmpty()) {
            return Pages.badForm();
        }
        Map<String, List<String>> form = parsed.get();
        Optional<Found> found = find(token);
        if (found.isEmpty() || !found.get().organisation().signed()) {
            return Pages.notFound();
        }
        Map<Long, String[]> evidence = new LinkedHashMap<>();
        Map<String, String> entered = new LinkedHashMap<>();
        FormErrors errors = FormErrors.none();
        for (long commitment : found.get().organisation().signature().commitments()) {
            String text = first(form, "evidence-" + commitment);
            String link = first(form, "link-" + commitment);
            entered.put("evidence-" + commitment, text);
            entered.put("link-" + commitment, link);
            if (text.length() > 3000) {
                errors.add("evidence-" + commitment, messages.get("pledges.review.error.long"));
            } else if (link.length() > 500 || !link.isEmpty() && !link.matches("https?://\\S+")) {
                errors.add("link-" + commitment, messages.get("pledges.review.error.link"));
            } else if (!text.isEmpty()) {
                evidence.put(commitment, new String[]{text, link.isEmpty() ? null : link});
            }
        }
        String own = first(form, "evidence-own");
        entered.put("evidence-own", own);
        if (own.length() > 3000) {
            errors.add("evidence-own", messages.get("pledges.review.error.long"));
        }
        if (!errors.any() && evidence.isEmpty() && own.isEmpty()) {
            errors.add("evidence-" + found.get().organisation().signature().commitments().stream().findFirst()
                    .map(String::valueOf).orElse("own"), messages.get("pledges.review.error.empty"));
        }
        if (errors.any()) {
            return review(HttpStatus.UNPROCESSABLE_ENTITY, found.get(), token, entered, errors, false);
        }
        circulation.review(found.get().organisation().id(), evidence, own.isEmpty() ? null : new String[]{own, null});
        return Pages.seeOther("/pledge/review/" + token + "?done=1");
    }

    private record Signed(Map<String, String> entered, List<Long> commitments, String own, boolean listed,
                          FormErrors errors) {
    }

    private Signed read(Campaigns.Campaign campaign, Map<String, List<String>> form) {
        Map<String, String> entered = new LinkedHashMap<>();
        String name = first(form, "name");
        String role = first(form, "role");
        String own = first(form, "own");
        entered.put("name", name);
        entered.put("role", role);
        entered.put("own", own);
        List<Long> allowed = campaign.commitments().stream().map(Campaigns.Commitment::id).toList();
        List<Long> chosen = form.getOrDefault("commitment", List.of()).stream().filter(v -> v.matches("[0-9]{1,18}"))
                .map(Long::valueOf).filter(allowed::contains).distinct().toList();
        boolean listed = "yes".equals(first(form, "listed"));
        FormErrors errors = FormErrors.none();
        if (chosen.isEmpty() && own.isEmpty()) {
            errors.add("commitment-" + allowed.stream().findFirst().map(String::valueOf).orElse("own"),
                    messages.get("pledges.sign.error.commitments"));
        }
        if (own.length() > 1000) {
            errors.add("own", messages.get("pledges.sign.error.own"));
        }
        if (name.isEmpty() || name.length() > 200) {
            errors.add("name", messages.get("pledges.sign.error.name"));
        }
        if (role.isEmpty() || role.length() > 200) {
            errors.add("role", messages.get("pledges.sign.error.role"));
        }
        return new Signed(entered, chosen, own.isEmpty() ? null : own, listed, errors);
    }

    private MutableHttpResponse<?> sign(HttpStatus status, Found found, String token, Map<String, String> entered,
                                        List<Long> chosen, boolean listed, FormErrors errors, @Nullable String done) {
        Circulation.Signature signature = found.organisation().signature();
        Map<String, Object> model = Pages.model("title", found.campaign().title(), "publicPage", true,
                "campaign", found.campaign(), "organisation", found.organisation(), "token", token,
                "commitments", commitments(found.campaign(), chosen), "listedOptions", listedOptions(listed),
                "entered", entered, "signed", signature != null && signature.standing(),
                "done", done == null ? null : messages.get("pledges.sign.done." + (done.equals("signed") ? "signed"
                        : "withdrawn")));
        return Pages.render(status, "pledges/sign", withCommitmentsField(found.campaign(), errors, errors.addTo(model)));
    }

    private MutableHttpResponse<?> join(HttpStatus status, Campaigns.Campaign campaign, Map<String, String> entered,
                                        List<Long> chosen, boolean listed, FormErrors errors) {
        List<Choice> sectors = Arrays.stream(Sector.values()).map(s -> new Choice("sector-" + s.code(), s.code(),
                messages.get(s.labelKey()), s.code().equals(entered.get("sector")))).toList();
        return Pages.render(status, "pledges/join", withCommitmentsField(campaign, errors, errors.addTo(Pages.model(
                "title", messages.get("pledges.join.title", campaign.title()), "publicPage", true, "campaign", campaign,
                "commitments", commitments(campaign, chosen), "listedOptions", listedOptions(listed), "sectors", sectors,
                "entered", entered, "honeypot", HONEYPOT))));
    }

    private MutableHttpResponse<?> review(HttpStatus status, Found found, String token, Map<String, String> entered,
                                          FormErrors errors, boolean done) {
        List<Map<String, Object>> chosen = new ArrayList<>();
        for (Campaigns.Commitment commitment : found.campaign().commitments()) {
            if (found.organisation().signature().commitments().contains(commitment.id())) {
                chosen.add(Map.of("text", commitment.text(), "evidenceId", "evidence-" + commitment.id(),
                        "linkId", "link-" + commitment.id(),
                        "evidence", entered.getOrDefault("evidence-" + commitment.id(), ""),
                        "link", entered.getOrDefault("link-" + commitment.id(), "")));
            }
        }
        return Pages.render(status, "pledges/review", errors.addTo(Pages.model("title",
                messages.get("pledges.review.title", found.campaign().title()), "publicPage", true,
                "campaign", found.campaign(), "organisation", found.organisation(), "token", token, "chosen", chosen,
                "own", found.organisation().signature().own(), "ownEvidence", entered.getOrDefault("evidence-own", ""),
                "done", done)));
    }

    /** The commitments' checkboxes are one field, named by the first one's id (where an error links to). */
    private static Map<String, Object> withCommitmentsField(Campaigns.Campaign campaign, FormErrors errors,
                                                            Map<String, Object> model) {
        String id = campaign.commitments().stream().findFirst().map(c -> "commitment-" + c.id()).orElse("own");
        model.put("commitmentsId", id);
        String error = errors.byField().get(id);
        if (error != null) {
            model.put("commitmentsError", error);
        }
        return model;
    }

    private List<Choice> commitments(Campaigns.Campaign campaign, List<Long> chosen) {
        return campaign.commitments().stream().map(c -> new Choice("commitment-" + c.id(), Long.toString(c.id()),
                c.text(), chosen.contains(c.id()))).toList();
    }

    private List<Choice> listedOptions(boolean listed) {
        return List.of(new Choice("listed", "yes", messages.get("pledges.sign.listed"), listed));
    }

    private Optional<Found> find(String token) {
        Optional<UUID> linkId = links.verify(token);
        if (linkId.isEmpty()) {
            return Optional.empty();
        }
        return circulation.byLink(linkId.get()).filter(o -> !o.moderation().equals("rejected"))
                .flatMap(o -> campaigns.find(o.campaignId()).map(c -> new Found(o, c)));
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0).strip();
    }
}
