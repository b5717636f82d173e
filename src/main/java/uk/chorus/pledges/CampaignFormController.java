package uk.chorus.pledges;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForm;
import uk.chorus.web.DateFields;
import uk.chorus.web.Dates;
import uk.chorus.web.FormErrors;
import uk.chorus.web.FormFailure;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.Slugs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** A lead starts a pledge campaign: its name, the pledge and its commitments, the target, launch and review dates. */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/pledges", produces = MediaType.TEXT_HTML)
class CampaignFormController {
    private final Campaigns campaigns;
    private final Messages messages;

    CampaignFormController(Campaigns campaigns, Messages messages) {
        this.campaigns = campaigns;
        this.messages = messages;
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
    MutableHttpResponse<?> create(@Valid @StaffForm NewCampaignForm form, Authentication authentication) {
        FormErrors errors = form.checks(messages);
        if (errors.any()) {
            return again(authentication, form, errors);
        }
        String slug = Slugs.of(form.title(), "pledge");
        BigDecimal target = form.targetPercent().divide(BigDecimal.valueOf(100));
        Optional<Long> id = Optional.empty();
        for (int n = 1; id.isEmpty() && n < 100; n++) {
            id = campaigns.create(n == 1 ? slug : slug + "-" + n, form.title(), form.pledge(), target,
                    form.launch().date(), form.review().date(), form.commitmentList(), Staff.of(authentication).email());
        }
        return Pages.seeOther("/staff/pledges/" + id.orElseThrow());
    }

    /** A name or pledge missing or too long: the form again, with every other problem too. */
    @Error(exception = ConstraintViolationException.class)
    MutableHttpResponse<?> invalid(HttpRequest<?> request, Authentication authentication, ConstraintViolationException e) {
        FormFailure failure = FormFailure.of(request, e, messages);
        NewCampaignForm form = (NewCampaignForm) failure.form();
        return again(authentication, form, failure.errors().addAll(form.checks(messages)));
    }

    private MutableHttpResponse<?> again(Authentication authentication, NewCampaignForm form, FormErrors errors) {
        return form(authentication, HttpStatus.UNPROCESSABLE_ENTITY, Map.of("campaignTitle", form.title(),
                "pledge", form.pledge(), "commitments", form.commitments(), "target", form.target(),
                "launch", form.launch(), "review", form.review()), errors);
    }

    private MutableHttpResponse<?> form(Authentication authentication, HttpStatus status, Map<String, ?> entered,
                                        FormErrors errors) {
        Map<String, Object> model = Pages.model("titleKey", "pledges.new.title", "staff", Staff.of(authentication),
                "backUrl", "/staff/pledges");
        model.putAll(entered);
        return Pages.render(status, "pledges/new", errors.addTo(model));
    }
}
