package uk.chorus.accounts;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a person may do. The names are the role strings Micronaut Security checks in @Secured.
 * Forum members co-design their own forum's questionnaires and see only published results;
 * viewers read published reports and aggregate dashboards, never single responses.
 */
public enum Role {
    ADMIN(Role.ADMIN_NAME),
    LEAD(Role.LEAD_NAME),
    PARENT_FORUM(Role.PARENT_FORUM_NAME),
    YOUTH_FORUM(Role.YOUTH_FORUM_NAME),
    SERVICE_CONTACT(Role.SERVICE_CONTACT_NAME),
    VIEWER(Role.VIEWER_NAME);

    public static final String ADMIN_NAME = "admin";
    public static final String LEAD_NAME = "lead";
    public static final String PARENT_FORUM_NAME = "parent-forum";
    public static final String YOUTH_FORUM_NAME = "youth-forum";
    public static final String SERVICE_CONTACT_NAME = "service-contact";
    public static final String VIEWER_NAME = "viewer";
    /** Any one role's name, for a form's constraint. */
    public static final String ANY_NAME = ADMIN_NAME + "|" + LEAD_NAME + "|" + PARENT_FORUM_NAME + "|"
            + YOUTH_FORUM_NAME + "|" + SERVICE_CONTACT_NAME + "|" + VIEWER_NAME;

    private final String name;

    Role(String name) {
        this.name = name;
    }

    public String roleName() {
        return name;
    }

    /** The key of the role's name in the message bundle. */
    public String labelKey() {
        return "role." + name;
    }

    /** Every role but a viewer loses something when changed, so the change is confirmed first. */
    boolean changingRemovesAccess() {
        return this != VIEWER;
    }

    public static Optional<Role> fromName(String name) {
        return Arrays.stream(values()).filter(r -> r.name.equals(name)).findFirst();
    }
}
