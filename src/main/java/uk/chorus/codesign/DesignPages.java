package uk.chorus.codesign;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.chorus.accounts.Staff;
import uk.chorus.surveys.Audience;
import uk.chorus.surveys.Question;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What every builder page does first: find the design version, and check the signed-in person may
 * see it (leads and forum members see every design; only its forum and leads change it) and, for
 * a change, that it is still editable.
 */
@Singleton
class DesignPages {
    private final Designs designs;
    private final Workflow workflow;
    private final PlainLanguage plain;
    private final Messages messages;

    DesignPages(Designs designs, Workflow workflow, PlainLanguage plain, Messages messages) {
        this.designs = designs;
        this.workflow = workflow;
        this.plain = plain;
        this.messages = messages;
    }

    /** Runs a page that only reads the design: the person must be allowed to see it (Workflow.canView). */
    MutableHttpResponse<?> viewing(Authentication authentication, String surveyId, int version,
                                   BiFunction<Staff, Design, MutableHttpResponse<?>> page) {
        Optional<Design> design = designs.find(surveyId, version);
        if (design.isEmpty()) {
            return Pages.notFound();
        }
        Staff staff = Staff.of(authentication);
        return workflow.canView(staff, design.get().definition()) ? page.apply(staff, design.get()) : otherForums();
    }

    /** The answer to a forum member asking for another forum's survey. */
    static MutableHttpResponse<?> otherForums() {
        return Pages.error(HttpStatus.FORBIDDEN, "codesign.error.other.forum.title", "codesign.error.other.forum.body");
    }

    /** Runs a page that changes the design: the person must be one of its editors, and it must not be frozen. */
    MutableHttpResponse<?> editing(Authentication authentication, String surveyId, int version,
                                   BiFunction<Staff, Design, MutableHttpResponse<?>> page) {
        return viewing(authentication, surveyId, version, (staff, design) -> {
            if (!workflow.canEdit(staff, design.definition())) {
                return Pages.error(HttpStatus.FORBIDDEN, "codesign.error.not.yours.title", "codesign.error.not.yours.body");
            }
            if (!design.status().editable()) {
                return Pages.error(HttpStatus.CONFLICT, "codesign.error.frozen.title", "codesign.error.frozen.body");
            }
            return page.apply(staff, design);
        });
    }

    /** A page model with what every builder page shows: the survey, its version and status. */
    Map<String, Object> model(Staff staff, Design design, Object... more) {
        Map<String, Object> model = Pages.model(more);
        model.put("staff", staff);
        model.put("design", design);
        model.put("designPath", design.path());
        model.put("statusLabel", statusLabel(design.status()));
        model.put("statusColour", colour(design.status()));
        model.put("canEdit", workflow.canEdit(staff, design.definition()) && design.status().editable());
        return model;
    }

    String statusLabel(DesignStatus status) {
        return messages.get("codesign.status." + status.code());
    }

    static String colour(DesignStatus status) {
        return switch (status) {
            case DRAFT -> "grey";
            case IN_REVIEW -> "blue";
            case AGREED -> "turquoise";
            case LIVE -> "green";
            case CLOSED -> "purple";
        };
    }

    /** The plain-language flags on a question's words, in sentences. */
    List<String> flags(Question question, Audience audience) {
        return flags(question.text(), audience);
    }

    List<String> flags(String text, Audience audience) {
        return checked(text, audience).flags().stream()
                .map(f -> messages.get("codesign.flag." + f.kind(), f.detail(), f.suggestion())).toList();
    }

    PlainLanguage.Checked checked(String text, Audience audience) {
        return plain.check(text, audience == Audience.YOUNG_PEOPLE);
    }

    /** "shown only when “Do you go to school?” is Yes", or null for a question everyone sees. */
    String showIfText(uk.chorus.surveys.SurveyDefinition survey, Question q) {
        if (q.showIf() == null) {
            return null;
        }
        Optional<Question> depended = survey.question(q.showIf().question());
        String on = depended.map(Question::text).orElse(q.showIf().question());
        List<String> labels = q.showIf().anyOf().stream().map(code -> depended.map(d -> d.labelFor(code)).orElse(code))
                .toList();
        return messages.get("codesign.builder.show.if", on, String.join(" / ", labels));
    }

    /** "Reading age about 11", for a question's words. */
    String readingAge(String text, Audience audience) {
        return messages.get("codesign.checks.reading.age", checked(text, audience).readingAge());
    }

    String typeLabel(uk.chorus.surveys.QuestionType type) {
        return messages.get("codesign.type." + type.fileName());
    }
}
