package uk.chorus.dataprotection;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.accounts.AnswerAccess;
import uk.chorus.accounts.Staff;
import uk.chorus.audit.AuditLog;
import uk.chorus.responses.ResponseRecords;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.web.Dates;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A respondent's data-protection requests, handled by staff with the reference or resume code the
 * respondent quotes: an export of everything held (subject access) and erasure. Each is checked
 * against who may see those answers, carries the reason the member of staff typed, and is written
 * to the audit log in the same transaction as what it did. Resume codes are never written
 * anywhere: an unfinished draft is named by its internal id.
 */
@Singleton
class DataRequests {
    static final int LONGEST_REASON = 500;
    private final ResponseRecords records;
    private final AnswerAccess access;
    private final AuditLog audit;
    private final uk.chorus.feedback.FeedbackRecords feedback;

    DataRequests(ResponseRecords records, AnswerAccess access, AuditLog audit,
                 uk.chorus.feedback.FeedbackRecords feedback) {
        this.records = records;
        this.access = access;
        this.audit = audit;
        this.feedback = feedback;
    }

    /** Everything held about a feedback item, contact details included: what subject access owes. */
    @Serdeable
    record FeedbackExport(String channel, String reference, String date, @io.micronaut.core.annotation.Nullable String about,
                          @io.micronaut.core.annotation.Nullable Boolean helpful,
                          @io.micronaut.core.annotation.Nullable String text, java.util.Map<String, String> aboutYou,
                          @io.micronaut.core.annotation.Nullable uk.chorus.feedback.NewFeedback.Contact contact) {
    }

    /** A feedback reference (FB-ABCD-EFGH, with or without hyphens), or empty when the code is not one. */
    Optional<uk.chorus.feedback.FeedbackRecords.Item> findFeedback(String typed) {
        String bare = typed.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (bare.length() != 10 || !bare.startsWith("FB")) {
            return Optional.empty();
        }
        return feedback.byReference("FB-" + bare.substring(2, 6) + "-" + bare.substring(6));
    }

    static boolean looksLikeFeedback(String typed) {
        String bare = typed.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        return bare.length() == 10 && bare.startsWith("FB");
    }

    /** Feedback is for leads to read; administrators handle requests about it too. */
    boolean allowedFeedback(Staff staff) {
        return staff.isAnyOf(uk.chorus.accounts.Role.ADMIN, uk.chorus.accounts.Role.LEAD);
    }

    @Transactional
    FeedbackExport exportFeedback(Staff staff, uk.chorus.feedback.FeedbackRecords.Item item, String reason) {
        audit.record(staff.email(), "subject access export", item.reference(), item.channel().code() + " – reason: " + reason);
        return new FeedbackExport(item.channel().code(), item.reference(), item.occurredOn().toString(), item.subject(),
                item.helpful(), item.text(), item.about(), feedback.contactOf(item.id()).orElse(null));
    }

    @Transactional
    boolean eraseFeedback(Staff staff, uk.chorus.feedback.FeedbackRecords.Item item, String reason) {
        audit.record(staff.email(), "erasure", item.reference(), item.channel().code() + " – reason: " + reason);
        return feedback.erase(item.id());
    }

    @Serdeable
    record Export(String survey, String reference, String submitted, List<ResponseRecords.AnsweredQuestion> answers) {
    }

    /** What a typed reference (8 characters) or resume code (12) holds, with or without hyphens. */
    Optional<ResponseRecords.Held> find(String typed) {
        String bare = typed.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (bare.length() == 8) {
            return records.byReference(bare.substring(0, 4) + "-" + bare.substring(4));
        }
        return records.byResumeCode(typed);
    }

    SurveyDefinition surveyOf(ResponseRecords.Held held) {
        return records.definitionOf(held);
    }

    boolean allowed(Staff staff, ResponseRecords.Held held) {
        return access.canHandleRequestsFor(staff, surveyOf(held));
    }

    void refused(Staff staff, ResponseRecords.Held held, String what) {
        audit.record(staff.email(), what + " refused", held.name(), held.surveyId());
    }

    @Transactional
    Export export(Staff staff, ResponseRecords.Held held, String reason) {
        audit.record(staff.email(), "subject access export", held.name(), held.surveyId() + " – reason: " + reason);
        return new Export(surveyOf(held).title(), held.reference(),
                held.submittedAt() == null ? "not sent" : Dates.dateTime(held.submittedAt()),
                records.answersBesideQuestions(held));
    }

    /** Erases and audits in one transaction: either both happen or neither. */
    @Transactional
    boolean erase(Staff staff, ResponseRecords.Held held, String reason) {
        audit.record(staff.email(), "erasure", held.name(), held.surveyId() + " – reason: " + reason);
        return records.erase(held);
    }
}
