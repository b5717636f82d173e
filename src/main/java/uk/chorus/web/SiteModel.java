package uk.chorus.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Adds what the layout needs (area name, service name, contact, logo) to every page's model, and
 * puts a page's title and sentence into words when the controller gave them as message keys
 * ({@code titleKey}, {@code bodyKey}).
 */
@Singleton
public class SiteModel implements ViewModelProcessor<Map<String, Object>> {
    private final SiteConfiguration configuration;
    private final Messages messages;

    SiteModel(SiteConfiguration configuration, Messages messages) {
        this.configuration = configuration;
        this.messages = messages;
    }

    /** {@code hasContact}: whether families can reach a person, without which no survey opens to them. */
    public record Site(String areaName, String serviceName, String contactEmail, @Nullable String logoUrl,
                       boolean hasContact) {
    }

    public Site site() {
        return new Site(configuration.getAreaName(), configuration.getServiceName(), configuration.getContactEmail(),
                configuration.hasLogo() ? AreaLogoController.PATH : null, configuration.hasContact());
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        modelAndView.getModel().ifPresent(model -> {
            try {
                model.putIfAbsent("site", site());
                if (model.get("titleKey") instanceof String key) {
                    model.putIfAbsent("title", messages.get(key));
                }
                if (model.get("bodyKey") instanceof String key) {
                    model.putIfAbsent("body", messages.get(key));
                }
            } catch (UnsupportedOperationException e) {
                throw new IllegalStateException("Page models must be mutable maps: use Pages.model(...)", e);
            }
        });
    }
}
