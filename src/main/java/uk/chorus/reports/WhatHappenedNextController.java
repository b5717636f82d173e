package uk.chorus.reports;

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
import uk.chorus.web.FormBody;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.RequestBody;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "What happened next": a family types (or follows a link carrying) the reference from their
 * confirmation page and sees what their words fed into. The lookup is a POST, so it falls under
 * the public rate limit and the reference stays out of the address of the page that shows it.
 * Every reference not found gets the same answer, whatever its shape.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/what-happened-next")
class WhatHappenedNextController {
    private final WhatHappenedNext next;
    private final Messages messages;

    WhatHappenedNextController(WhatHappenedNext next, Messages messages) {
        this.next = next;
        this.messages = messages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> form(@Nullable @QueryValue String reference) {
        return render(HttpStatus.OK, reference == null || reference.length() > 40 ? "" : reference, null,
                FormErrors.none());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> show(HttpRequest<byte[]> request) {
        Optional<Map<String, List<String>>> form = FormBody.parse(RequestBody.bytes(request));
        if (form.isEmpty()) {
            return Pages.badForm();
        }
        List<String> values = form.get().getOrDefault("reference", List.of());
        String reference = values.isEmpty() ? "" : values.get(0);
        Optional<WhatHappenedNext.Found> found = next.find(reference);
        if (found.isEmpty()) {
            return render(HttpStatus.NOT_FOUND, reference.length() > 40 ? "" : reference, null,
                    FormErrors.of("reference", messages.get("next.error.unknown")));
        }
        return render(HttpStatus.OK, "", found.get(), FormErrors.none());
    }

    private MutableHttpResponse<?> render(HttpStatus status, String reference, WhatHappenedNext.Found found,
                                          FormErrors errors) {
        Map<String, Object> model = errors.addTo(Pages.model("titleKey", "next.title", "publicPage", true,
                "reference", reference));
        if (found != null) {
            model.put("found", found);
        }
        return Pages.render(status, "reports/next", model);
    }
}
