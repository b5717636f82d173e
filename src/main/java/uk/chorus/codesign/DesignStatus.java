package uk.chorus.codesign;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a design is: drafted, shown to the forum for review, agreed by the forum, live (families
 * answering it, questions frozen), or closed. Only a lead makes a survey live or closes it.
 */
public enum DesignStatus {
    DRAFT("draft"),
    IN_REVIEW("in-review"),
    AGREED("agreed"),
    LIVE("live"),
    CLOSED("closed");

    private final String code;

    DesignStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Questions may still change: a live or closed version is frozen, and edits start a new version. */
    public boolean editable() {
        return this == DRAFT || this == IN_REVIEW || this == AGREED;
    }

    public boolean onlyLeads() {
        return this == LIVE || this == CLOSED;
    }

    public static Optional<DesignStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
