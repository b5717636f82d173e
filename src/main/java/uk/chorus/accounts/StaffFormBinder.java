package uk.chorus.accounts;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.convert.ConversionError;
import io.micronaut.core.execution.CompletableFutureExecutionFlow;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.PendingRequestBindingResult;
import io.micronaut.http.bind.binders.AnnotatedRequestArgumentBinder;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Singleton;
import uk.chorus.web.BoundForm;
import uk.chorus.web.FormBody;
import uk.chorus.web.FormRecords;
import uk.chorus.web.FormRefused;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds a {@link StaffForm} record, the one place a staff form's CSRF token is checked. The body is
 * read by our own strict reader ({@link FormBody}: UTF-8, a bounded number of fields) rather than
 * Micronaut's lenient form decoding, and its {@code _csrf} field must match the token of the
 * signed-in session. A body that cannot be read, or a missing or wrong token, stops the request
 * with {@link FormRefused} before the handler runs, so nothing is changed. The record and the
 * route's path variables are kept on the request, for an error handler to show the form again.
 */
@Singleton
class StaffFormBinder implements AnnotatedRequestArgumentBinder<StaffForm, Object> {

    @Override
    public Class<StaffForm> getAnnotationType() {
        return StaffForm.class;
    }

    @Override
    public BindingResult<Object> bind(ArgumentConversionContext<Object> context, HttpRequest<?> source) {
        Class<?> type = context.getArgument().getType();
        if (!(source instanceof NettyHttpRequest<?> netty)) {
            return BindingResult.unsatisfied();
        }
        // The whole body, once it has arrived: the route waits for it, as it does for a @Body.
        ByteBody body = netty.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST);
        Pending pending = new Pending();
        netty.addRouteWaitsFor(CompletableFutureExecutionFlow.just(body.buffer()).map(bytes -> {
            try (CloseableAvailableByteBody available = bytes) {
                pending.value = Optional.of(read(source, type, available.toByteArray()));
            }
            return pending;
        }));
        return pending;
    }

    private static Object read(HttpRequest<?> request, Class<?> type, byte[] body) {
        Map<String, List<String>> fields = FormBody.parse(body).orElseThrow(FormRefused::unreadable);
        Authentication authentication = request.getUserPrincipal(Authentication.class)
                .orElseThrow(FormRefused::expired);
        String expected = String.valueOf(authentication.getAttributes().get(SessionAuthenticationFetcher.CSRF));
        if (!Tokens.same(expected, StaffForms.first(fields, StaffForms.FIELD))) {
            throw FormRefused.expired();
        }
        Object form = FormRecords.bind(type, fields);
        Map<String, Object> variables = request.getAttribute(HttpAttributes.ROUTE_MATCH, UriRouteMatch.class)
                .map(UriRouteMatch::getVariableValues).orElse(Map.of());
        request.setAttribute(BoundForm.ATTRIBUTE, new BoundForm(form, Map.copyOf(variables)));
        return form;
    }

    /** The form, once the body has arrived and been read. */
    private static final class Pending implements PendingRequestBindingResult<Object> {
        private volatile Optional<Object> value;

        @Override
        public boolean isPending() {
            return value == null;
        }

        @Override
        public Optional<Object> getValue() {
            return value == null ? Optional.empty() : value;
        }

        @Override
        public List<ConversionError> getConversionErrors() {
            return List.of();
        }
    }
}
