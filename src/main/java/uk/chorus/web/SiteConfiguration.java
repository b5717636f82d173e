package uk.chorus.web;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.regex.Pattern;

/** The local area's name and colour, shown on every page (CHORUS_AREA_NAME, CHORUS_BRAND_COLOUR). */
@ConfigurationProperties("chorus.site")
public class SiteConfiguration {
    static final String DEFAULT_AREA_NAME = "Your local area";
    static final String DEFAULT_SERVICE_NAME = "Chorus";
    static final String DEFAULT_BRAND_COLOUR = "#1d4f91";
    private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    private String areaName = DEFAULT_AREA_NAME;
    private String serviceName = DEFAULT_SERVICE_NAME;
    private String brandColour = DEFAULT_BRAND_COLOUR;
    private String contactEmail = "";
    private String timeZone = "Europe/London";

    public String getAreaName() {
        return areaName;
    }

    public void setAreaName(String areaName) {
        this.areaName = areaName;
    }

    public String getServiceName() {
        return serviceName;
    }

    public void setServiceName(String serviceName) {
        this.serviceName = serviceName;
    }

    public String getBrandColour() {
        return brandColour;
    }

    /** Only a six-digit hex colour is accepted, since it is written into the stylesheet. */
    public void setBrandColour(String brandColour) {
        if (brandColour == null || !HEX_COLOUR.matcher(brandColour).matches()) {
            throw new IllegalArgumentException("CHORUS_BRAND_COLOUR must be a colour like #1d4f91, not '"
                    + brandColour + "'.");
        }
        this.brandColour = brandColour;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail == null ? "" : contactEmail;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
