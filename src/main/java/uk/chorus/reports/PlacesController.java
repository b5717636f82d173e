package uk.chorus.reports;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForms;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The area's schools, organisations, places and names that every quote is checked for. */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/reports/places", produces = MediaType.TEXT_HTML)
class PlacesController {
    private final Gazetteer gazetteer;
    private final Messages messages;

    PlacesController(Gazetteer gazetteer, Messages messages) {
        this.gazetteer = gazetteer;
        this.messages = messages;
    }

    @Get
    MutableHttpResponse<?> list(Authentication authentication) {
        return page(authentication, HttpStatus.OK, FormErrors.none(), "");
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> add(HttpRequest<byte[]> request, Authentication authentication) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        String name = StaffForms.first(form.get(), "name").strip();
        Optional<QuoteChecker.Kind> kind = Gazetteer.kind(StaffForms.first(form.get(), "kind"));
        FormErrors errors = FormErrors.none();
        if (name.length() < 2 || name.length() > 200) {
            errors.add("name", messages.get("reports.places.error.name"));
        }
        if (kind.isEmpty()) {
            errors.add("kind-school", messages.get("reports.places.error.kind"));
        }
        if (errors.any()) {
            return page(authentication, HttpStatus.UNPROCESSABLE_ENTITY, errors, name);
        }
        gazetteer.add(kind.get(), name, Staff.of(authentication).email());
        return Pages.seeOther("/staff/reports/places");
    }

    @Post(uri = "/{id}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> remove(HttpRequest<byte[]> request, Authentication authentication, long id) {
        if (StaffForms.read(authentication, request).isEmpty()) {
            return Pages.expiredForm();
        }
        gazetteer.remove(id, Staff.of(authentication).email());
        return Pages.seeOther("/staff/reports/places");
    }

    private MutableHttpResponse<?> page(Authentication authentication, HttpStatus status, FormErrors errors, String name) {
        List<Map<String, Object>> kinds = List.of("school", "organisation", "place", "name").stream()
                .map(k -> Map.<String, Object>of("id", "kind-" + k, "value", k, "label", messages.get("reports.kind." + k),
                        "checked", k.equals("school"))).toList();
        return Pages.render(status, "reports/places", errors.addTo(Pages.model("titleKey", "reports.places.title",
                "staff", Staff.of(authentication), "tab", "places", "added", gazetteer.added().stream()
                        .map(a -> Map.of("id", a.id(), "kind", messages.get("reports.kind." + a.kind().code()),
                                "name", a.name(), "by", a.addedBy())).toList(),
                "shipped", Gazetteer.shipped().stream().map(e -> Map.of("kind",
                        messages.get("reports.kind." + e.kind().code()), "name", e.name())).toList(),
                "kinds", kinds, "name", name)));
    }
}
