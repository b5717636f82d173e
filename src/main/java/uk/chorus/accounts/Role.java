package uk.chorus.accounts;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a person may do. The names are the role strings Micronaut Security checks in @Secured.
 * Forum members co-design their own forum's questionnaires and see only published results;
 * viewers read published reports and aggregate dashboards, never single responses.
 */
public enum Role {
    ADMIN(Role.ADMIN_NAME, "Administrator"),
    LEAD(Role.LEAD_NAME, "Co-production lead"),
    PARENT_FORUM("parent-forum", "Parent carer forum member"),
    YOUTH_FORUM("youth-forum", "Youth forum member"),
    SERVICE_CONTACT("service-contact", "Service contact"),
    VIEWER("viewer", "Viewer");

    public static final String ADMIN_NAME = "admin";
    public static final String LEAD_NAME = "lead";

    private final String name;
    private final String label;

    Role(String name, String label) {
        this.name = name;
        this.label = label;
    }

    public String roleName() {
        return name;
    }

    public String label() {
        return label;
    }

    public static Optional<Role> fromName(String name) {
        return Arrays.stream(values()).filter(r -> r.name.equals(name)).findFirst();
    }
}
