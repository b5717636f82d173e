package uk.chorus.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Small helpers so controllers read as what they do: render, re-render with errors, redirect. */
public final class Pages {
    private Pages() {
    }

    /** A mutable model, so the layout's shared values can be added to it. */
    public static Map<String, Object> model(Object... pairs) {
        Map<String, Object> model = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            model.put((String) pairs[i], pairs[i + 1]);
        }
        return model;
    }

    public static MutableHttpResponse<?> render(String view, Map<String, Object> model) {
        return HttpResponse.ok(new ModelAndView<>(view, model));
    }

    public static MutableHttpResponse<?> render(HttpStatus status, String view, Map<String, Object> model) {
        return HttpResponse.status(status).body(new ModelAndView<>(view, model));
    }

    /** The plain error page, its title and sentence given as message keys. */
    public static MutableHttpResponse<?> error(HttpStatus status, String titleKey, String bodyKey) {
        return render(status, "errors/error", model("titleKey", titleKey, "bodyKey", bodyKey));
    }

    /** Our own "Page not found", for addresses that look right but name nothing we hold. */
    public static MutableHttpResponse<?> notFound() {
        return error(HttpStatus.NOT_FOUND, "error.not.found.title", "error.not.found.body");
    }

    /** A form body that cannot be read (not URL-encoded, not UTF-8, too many fields): nothing from it is saved. */
    public static MutableHttpResponse<?> badForm() {
        return error(HttpStatus.BAD_REQUEST, "error.bad.form.title", "error.bad.form.body");
    }

    /** A staff form whose CSRF token is missing or wrong: 403, and nothing was changed. */
    public static MutableHttpResponse<?> expiredForm() {
        return error(HttpStatus.FORBIDDEN, "error.expired.form.title", "error.expired.form.body");
    }

    /** After a successful POST: 303 See Other, so a refresh never posts again. */
    public static MutableHttpResponse<?> seeOther(String path) {
        return HttpResponse.seeOther(URI.create(path));
    }
}
