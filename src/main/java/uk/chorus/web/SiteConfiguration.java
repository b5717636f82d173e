package uk.chorus.web;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Who runs this service and how to reach them, shown on every page and on the privacy, contact
 * and accessibility pages (CHORUS_AREA_NAME, CHORUS_CONTACT_EMAIL ... in the README).
 */
@ConfigurationProperties("chorus.site")
public class SiteConfiguration {
    public static final String DEFAULT_AREA_NAME = "Your local area";
    static final String DEFAULT_SERVICE_NAME = "Chorus";
    static final String DEFAULT_BRAND_COLOUR = "#1d4f91";
    private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    private String areaName = DEFAULT_AREA_NAME;
    private String serviceName = DEFAULT_SERVICE_NAME;
    private String brandColour = DEFAULT_BRAND_COLOUR;
    private String contactEmail = "";
    private String contactPhone = "";
    private String dataProtectionEmail = "";
    private String dataController = "";
    private String lawfulBasis = "";
    private String logo = "";
    private String timeZone = "Europe/London";

    public String getAreaName() {
        return areaName;
    }

    public void setAreaName(String areaName) {
        this.areaName = areaName == null || areaName.isBlank() ? DEFAULT_AREA_NAME : areaName.strip();
    }

    public boolean isPlaceholderAreaName() {
        return DEFAULT_AREA_NAME.equals(areaName);
    }

    public String getServiceName() {
        return serviceName;
    }

    public void setServiceName(String serviceName) {
        this.serviceName = serviceName == null || serviceName.isBlank() ? DEFAULT_SERVICE_NAME : serviceName.strip();
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
        this.contactEmail = contactEmail == null ? "" : contactEmail.strip();
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone == null ? "" : contactPhone.strip();
    }

    /** The data-protection contact named on the privacy page; the general contact when not set. */
    public String getDataProtectionEmail() {
        return dataProtectionEmail.isBlank() ? contactEmail : dataProtectionEmail;
    }

    public void setDataProtectionEmail(String dataProtectionEmail) {
        this.dataProtectionEmail = dataProtectionEmail == null ? "" : dataProtectionEmail.strip();
    }

    /**
     * Whether families can reach a person (an email or a phone number). Until they can, no survey
     * opens to the public: every confirmation and privacy page tells people to contact us.
     */
    public boolean hasContact() {
        return !contactEmail.isBlank() || !contactPhone.isBlank();
    }

    /** The demo's made-up way to reach a person (CHORUS_DEMO), used only where none is set. */
    public void useExampleContactIfNone(String email, String phone) {
        if (!hasContact()) {
            this.contactEmail = email;
            this.contactPhone = phone;
        }
    }

    /** Who decides how answers are used, named on the privacy page (CHORUS_DATA_CONTROLLER); the area's name when not set. */
    public String getDataController() {
        return dataController.isBlank() ? areaName : dataController;
    }

    public void setDataController(String dataController) {
        this.dataController = dataController == null ? "" : dataController.strip();
    }

    /** The lawful basis the privacy page states (CHORUS_LAWFUL_BASIS); empty means the page's standard wording. */
    public String getLawfulBasis() {
        return lawfulBasis;
    }

    public void setLawfulBasis(String lawfulBasis) {
        this.lawfulBasis = lawfulBasis == null ? "" : lawfulBasis.strip();
    }

    /** A PNG or SVG file shown beside the area's name in the header (CHORUS_AREA_LOGO). */
    public Path getLogo() {
        return logo.isBlank() ? null : Home.resolve(Path.of(logo));
    }

    public void setLogo(String logo) {
        this.logo = logo == null ? "" : logo.strip();
    }

    public boolean hasLogo() {
        Path path = getLogo();
        return path != null && Files.isReadable(path);
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
