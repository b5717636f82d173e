package uk.chorus.codesign;

import uk.chorus.surveys.Audience;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.web.Dates;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A survey's settings in the builder: its title, who it is for, when it runs and what it tells people first. */
final class SettingsForm {
    private static final int LONGEST_TITLE = 200;
    private static final int LONGEST_TEXT = 5000;

    private SettingsForm() {
    }

    record Read(Map<String, String> values, FormErrors errors, Audience audience, LocalDate opens, LocalDate closes,
                Boolean countdown, String forum) {
    }

    /** A lead chooses which forum a survey belongs to (that forum's members edit it); none is a staff team's. */
    static final List<String> FORUMS = List.of("", "youth-forum", "parent-carer-forum");

    static Map<String, String> values(SurveyDefinition survey) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", survey.title());
        values.put("audience", survey.audience().fileName());
        values.put("opens", survey.opens().toString());
        values.put("closes", survey.closes().toString());
        values.put("introduction", survey.introduction());
        values.put("privacyNotice", survey.privacyNotice());
        values.put("countdown", survey.showsCountdown() ? "yes" : "");
        values.put("forum", survey.forum() == null ? "" : survey.forum());
        return values;
    }

    static Read read(Map<String, List<String>> form, Messages messages) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("title", "audience", "opens", "closes", "introduction", "privacyNotice", "countdown",
                "forum")) {
            List<String> given = form.get(field);
            values.put(field, given == null || given.isEmpty() || given.get(0) == null ? "" : given.get(0).strip());
        }
        FormErrors errors = FormErrors.none();
        if (values.get("title").isEmpty()) {
            errors.add("title", messages.get("codesign.settings.error.title"));
        } else if (values.get("title").length() > LONGEST_TITLE) {
            errors.add("title", messages.get("codesign.settings.error.title.long", LONGEST_TITLE));
        }
        Audience audience = Audience.fromFileName(values.get("audience")).orElse(null);
        if (audience == null) {
            errors.add("audience-" + Audience.PARENTS_CARERS.fileName(), messages.get("codesign.settings.error.audience"));
        }
        LocalDate opens = date(values.get("opens"));
        LocalDate closes = date(values.get("closes"));
        if (opens == null) {
            errors.add("opens", messages.get("codesign.settings.error.opens"));
        }
        if (closes == null) {
            errors.add("closes", messages.get("codesign.settings.error.closes"));
        } else if (opens != null && closes.isBefore(opens)) {
            errors.add("closes", messages.get("codesign.settings.error.order"));
        }
        if (values.get("introduction").isEmpty()) {
            errors.add("introduction", messages.get("codesign.settings.error.introduction"));
        }
        if (values.get("privacyNotice").isEmpty()) {
            errors.add("privacyNotice", messages.get("codesign.settings.error.privacy"));
        }
        for (String field : List.of("introduction", "privacyNotice")) {
            if (values.get(field).length() > LONGEST_TEXT) {
                errors.add(field, messages.get("codesign.settings.error.long", LONGEST_TEXT));
            }
        }
        String forum = FORUMS.contains(values.get("forum")) ? values.get("forum") : "";
        return new Read(values, errors, audience, opens, closes, "yes".equals(values.get("countdown")) ? Boolean.TRUE : null,
                forum.isEmpty() ? null : forum);
    }

    /** The settings applied; only a lead's form may move a survey to another forum. */
    static SurveyDefinition apply(SurveyDefinition survey, Read read, boolean lead) {
        return new SurveyDefinition(survey.id(), read.values().get("title"), read.audience(),
                read.values().get("introduction"), read.values().get("privacyNotice"), read.opens(), read.closes(),
                survey.wave(), survey.baseline(), survey.retentionMonths(), lead ? read.forum() : survey.forum(),
                survey.smallestGroup(), read.countdown(), survey.pages());
    }

    /** The settings as the overview lists them. */
    static List<Map<String, String>> summary(SurveyDefinition survey, Messages messages) {
        return List.of(
                Map.of("name", messages.get("codesign.settings.audience"), "value",
                        messages.get("codesign.audience." + survey.audience().fileName())),
                Map.of("name", messages.get("codesign.settings.dates"), "value",
                        messages.get("codesign.settings.dates.value", Dates.longForm(survey.opens()),
                                Dates.longForm(survey.closes()))),
                Map.of("name", messages.get("codesign.settings.forum"), "value",
                        survey.forum() == null ? messages.get("codesign.settings.forum.none")
                                : messages.get("codesign.forum." + survey.forum())),
                Map.of("name", messages.get("codesign.settings.address"), "value", "/s/" + survey.id()));
    }

    private static LocalDate date(String value) {
        try {
            return value.isEmpty() ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
