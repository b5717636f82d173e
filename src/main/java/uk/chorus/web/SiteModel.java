package uk.chorus.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.Map;

/** Adds what the layout needs (area name, service name, contact) to every page's model. */
@Singleton
class SiteModel implements ViewModelProcessor<Map<String, Object>> {
    private final SiteConfiguration site;

    SiteModel(SiteConfiguration site) {
        this.site = site;
    }

    public record Site(String areaName, String serviceName, String contactEmail) {
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        modelAndView.getModel().ifPresent(model -> {
            try {
                model.putIfAbsent("site", new Site(site.getAreaName(), site.getServiceName(), site.getContactEmail()));
            } catch (UnsupportedOperationException e) {
                throw new IllegalStateException("Page models must be mutable maps: use Pages.model(...)", e);
            }
        });
    }
}
