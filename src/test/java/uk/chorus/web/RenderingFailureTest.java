package uk.chorus.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.exceptions.ViewRenderingException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.chorus.support.ChorusTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A page that cannot be rendered fails while rendering, before any response is sent, so the
 * person gets a 500 page; the stock renderer failed while writing and left the request hanging.
 */
@MicronautTest(transactional = false)
class RenderingFailureTest extends ChorusTest {
    @Inject
    ViewsRenderer<Object, Object> views;

    @Test
    void aTemplateErrorIsRaisedAtOnce() {
        Object unprintable = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("cannot be shown");
            }
        };
        assertThatThrownBy(() -> views.render("errors/error", Map.of("title", unprintable), null))
                .isInstanceOf(ViewRenderingException.class)
                .hasMessageContaining("errors/error")
                .hasRootCauseMessage("cannot be shown");
    }
}
