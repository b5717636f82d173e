package uk.chorus.responses;

/** The respondent's addresses, in one place so links and redirects always agree. */
final class SurveyUrls {
    private SurveyUrls() {
    }

    static String start(String surveyId) {
        return "/s/" + surveyId;
    }

    static String begin(String surveyId) {
        return start(surveyId) + "/begin";
    }

    static String resume(String surveyId) {
        return start(surveyId) + "/resume";
    }

    static String page(String surveyId, String code, int pageNumber) {
        return start(surveyId) + "/" + code + "/page/" + pageNumber;
    }

    static String changePage(String surveyId, String code, int pageNumber) {
        return page(surveyId, code, pageNumber) + "?change=true";
    }

    static String check(String surveyId, String code) {
        return start(surveyId) + "/" + code + "/check";
    }

    static String submit(String surveyId, String code) {
        return start(surveyId) + "/" + code + "/submit";
    }

    static String done(String surveyId, String code) {
        return start(surveyId) + "/" + code + "/done";
    }

    static String later(String surveyId, String code) {
        return start(surveyId) + "/" + code + "/later";
    }
}
