package uk.chorus.codesign;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.audit.AuditLog;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.surveys.SurveyDefinition;

import java.util.List;
import java.util.Optional;

/**
 * Who may do what to a design, and the moves draft -> in review -> agreed -> live -> closed.
 * Forum members edit, discuss and agree their own forum's surveys; only a lead makes a survey live
 * (every question agreed, or the lead's reason recorded) or closes it. Going live stores the design
 * as a served survey version, after the same checks a survey file gets.
 */
@Singleton
public class Workflow {
    /** Who "made" version 1 of a survey that came from the surveys folder. */
    static final String SURVEY_FILE = "survey file";

    private final Designs designs;
    private final Discussion discussion;
    private final Agreements agreements;
    private final SurveyCatalogue catalogue;
    private final AuditLog audit;

    private final uk.chorus.surveys.SurveyAudiences kept;

    Workflow(Designs designs, Discussion discussion, Agreements agreements, SurveyCatalogue catalogue, AuditLog audit,
             uk.chorus.surveys.SurveyAudiences kept) {
        this.kept = kept;
        this.designs = designs;
        this.discussion = discussion;
        this.agreements = agreements;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    /** What a move came to: done, not this person's to make (403), or not possible yet and why (422). */
    public sealed interface Outcome {
        record Moved(Design design) implements Outcome {
        }

        record Forbidden(String messageKey) implements Outcome {
        }

        record Refused(String messageKey, Object... args) implements Outcome {
        }
    }

    /**
     * Leads every survey; forum members their own forum's (a forum-less survey is a staff team's).
     * Once a survey has been served its forum is the one kept then, not whatever a later file or
     * draft names, so a reloaded file cannot hand a forum's drafts to another forum.
     */
    public boolean canEdit(Staff staff, SurveyDefinition survey) {
        if (staff.is(Role.LEAD)) {
            return true;
        }
        String forum = forumOf(survey);
        return forum != null && (staff.is(Role.PARENT_FORUM) && forum.equals("parent-carer-forum")
                || staff.is(Role.YOUTH_FORUM) && forum.equals("youth-forum"));
    }

    /**
     * Leads every survey; forum members their own forum's and the staff team's (forum-less) ones. A
     * forum's drafts carry its members' names and comments, and a youth forum's are young people's
     * words, so another forum does not read them.
     */
    public boolean canView(Staff staff, SurveyDefinition survey) {
        return forumOf(survey) == null || canEdit(staff, survey);
    }

    private @Nullable String forumOf(SurveyDefinition survey) {
        return kept.forumOf(survey.id(), survey.forum());
    }

    /** The forum a member belongs to, which their new surveys belong to. */
    public static @Nullable String forumOf(Staff staff) {
        return staff.is(Role.YOUTH_FORUM) ? "youth-forum" : staff.is(Role.PARENT_FORUM) ? "parent-carer-forum" : null;
    }

    public Outcome move(Design design, DesignStatus to, Staff staff, @Nullable String reason) {
        if (!canEdit(staff, design.definition())) {
            return new Outcome.Forbidden("codesign.status.error.not.yours");
        }
        if (to.onlyLeads() && !staff.is(Role.LEAD)) {
            return new Outcome.Forbidden("codesign.status.error.lead.only");
        }
        if (!allowed(design.status(), to)) {
            return new Outcome.Refused("codesign.status.error.move", design.status().code(), to.code());
        }
        String note = reason == null || reason.isBlank() ? null : reason.strip();
        if (note != null && note.length() > 2000) {
            return new Outcome.Refused("codesign.status.error.reason.long", 2000);
        }
        return switch (to) {
            case AGREED -> agreements.summarise(design).allAgreed()
                    ? moved(design, to, staff, note, null)
                    : new Outcome.Refused("codesign.status.error.not.agreed");
            case LIVE -> publish(design, staff, note);
            case CLOSED -> close(design, staff, note);
            default -> moved(design, to, staff, note, null);
        };
    }

    /** A new draft from a frozen version, carrying its agreements (they lapse on reworded questions). */
    public Outcome newDraft(Design from, Staff staff) {
        if (!canEdit(staff, from.definition())) {
            return new Outcome.Forbidden("codesign.status.error.not.yours");
        }
        Optional<Design> newest = designs.newest(from.surveyId());
        if (newest.isPresent() && newest.get().status().editable()) {
            return new Outcome.Moved(newest.get());
        }
        Design draft = designs.newVersion(from, staff.email());
        discussion.carryOver(from.id(), draft.id());
        audit.record(staff.email(), "survey design started", from.surveyId(), "version " + draft.version()
                + " from version " + from.version());
        return new Outcome.Moved(draft);
    }

    /**
     * Starts designing a survey that so far came only from a file: its served definition becomes
     * version 1 (live, as it is), and version 2 the draft to edit.
     */
    public Outcome designServed(LiveSurvey served, Staff staff) {
        if (!canEdit(staff, served.definition())) {
            return new Outcome.Forbidden("codesign.status.error.not.yours");
        }
        Optional<Design> existing = designs.newest(served.id());
        if (existing.isPresent()) {
            return newDraft(existing.get(), staff);
        }
        Optional<Design> first = designs.create(served.definition(), DesignStatus.LIVE, SURVEY_FILE);
        return first.map(design -> newDraft(design, staff))
                .orElseGet(() -> newDraft(designs.newest(served.id()).orElseThrow(), staff));
    }

    /**
     * A draft made from a survey file that passed the loader's checks (uploaded in the browser or sent
     * to the API). A forum member's draft belongs to their forum; a file naming another forum is refused.
     */
    public Outcome draftFromFile(SurveyDefinition survey, Staff staff) {
        String forum = forumOf(staff);
        if (forum != null && survey.forum() != null && !survey.forum().equals(forum)) {
            return new Outcome.Forbidden("api.design.other.forum");
        }
        SurveyDefinition owned = forum == null || survey.forum() != null ? survey
                : new SurveyDefinition(survey.id(), survey.title(), survey.audience(), survey.introduction(),
                survey.privacyNotice(), survey.opens(), survey.closes(), survey.wave(), survey.baseline(),
                survey.retentionMonths(), forum, survey.smallestGroup(), survey.countdown(), survey.pages());
        if (catalogue.find(owned.id()).isPresent()) {
            return new Outcome.Refused("api.design.served", owned.id());
        }
        Optional<Design> created = designs.create(owned, DesignStatus.DRAFT, staff.email());
        if (created.isEmpty()) {
            return new Outcome.Refused("api.design.exists", owned.id());
        }
        audit.record(staff.email(), "survey design started", owned.id(), "version 1, from a survey file");
        return new Outcome.Moved(created.get());
    }

    private static boolean allowed(DesignStatus from, DesignStatus to) {
        return switch (to) {
            case DRAFT -> from == DesignStatus.IN_REVIEW || from == DesignStatus.AGREED;
            case IN_REVIEW -> from == DesignStatus.DRAFT;
            case AGREED -> from == DesignStatus.IN_REVIEW;
            case LIVE -> from == DesignStatus.IN_REVIEW || from == DesignStatus.AGREED;
            case CLOSED -> from == DesignStatus.LIVE;
        };
    }

    private Outcome publish(Design design, Staff staff, @Nullable String reason) {
        Agreements.Summary summary = agreements.summarise(design);
        if (!summary.allAgreed() && reason == null) {
            return new Outcome.Refused("codesign.status.error.reason.needed",
                    summary.questions().size() - summary.agreedCount());
        }
        List<DesignChecks.Problem> problems = DesignChecks.problems(design.definition());
        if (!problems.isEmpty()) {
            return new Outcome.Refused("codesign.status.error.problems", problems.size());
        }
        SurveyDefinition checked = DesignChecks.loaded(design.definition()).orElseThrow();
        LiveSurvey served = catalogue.publish(checked);
        if (!designs.move(design, DesignStatus.LIVE, staff.email(), reason, served.versionId())) {
            return new Outcome.Refused("codesign.status.error.changed");
        }
        designs.closeEarlierLive(design.surveyId(), design.version(), staff.email());
        audit.record(staff.email(), "survey made live", design.surveyId(), "design version " + design.version()
                + (reason == null ? ", every question agreed" : ", not every question agreed: " + reason));
        return new Outcome.Moved(designs.find(design.surveyId(), design.version()).orElseThrow());
    }

    /** Closing stops answers today: the served survey's closing date becomes yesterday if it was later. */
    private Outcome close(Design design, Staff staff, @Nullable String reason) {
        Optional<LiveSurvey> served = catalogue.find(design.surveyId());
        java.time.LocalDate yesterday = catalogue.today().minusDays(1);
        if (served.isPresent() && served.get().definition().closes().isAfter(yesterday)) {
            catalogue.publish(served.get().definition().closingOn(yesterday));
        }
        audit.record(staff.email(), "survey closed", design.surveyId(), reason);
        return moved(design, DesignStatus.CLOSED, staff, reason, null);
    }

    private Outcome moved(Design design, DesignStatus to, Staff staff, @Nullable String reason, @Nullable Long published) {
        if (!designs.move(design, to, staff.email(), reason, published)) {
            return new Outcome.Refused("codesign.status.error.changed");
        }
        return new Outcome.Moved(designs.find(design.surveyId(), design.version()).orElseThrow());
    }
}
