package uk.chorus.languages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForms;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.web.Message;
import uk.chorus.web.Pages;
import uk.chorus.web.Uploads;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A survey's texts out to a translator (CSV for a spreadsheet, XLIFF 2.0 for a translation tool)
 * and back in. A file that comes back with any problem changes nothing, and the page lists them all.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/languages/{surveyId}", produces = MediaType.TEXT_HTML)
class TranslationFilesController {
    private final uk.chorus.surveys.SurveyCatalogue catalogue;
    private final TranslationImport importer;
    private final LanguagePages pages;

    TranslationFilesController(uk.chorus.surveys.SurveyCatalogue catalogue, TranslationImport importer,
                               LanguagePages pages) {
        this.catalogue = catalogue;
        this.importer = importer;
        this.pages = pages;
    }

    @Get(uri = "/export/{language}/translation.csv", produces = "text/csv")
    MutableHttpResponse<?> csv(String surveyId, String language) {
        return translation(surveyId, language)
                .<MutableHttpResponse<?>>map(s -> download(TranslationCsv.write(s, language),
                        "text/csv; charset=utf-8", surveyId + "-" + language + ".csv"))
                .orElseGet(Pages::notFound);
    }

    @Get(uri = "/export/{language}/translation.xlf", produces = "application/xliff+xml")
    MutableHttpResponse<?> xliff(String surveyId, String language) {
        return translation(surveyId, language)
                .<MutableHttpResponse<?>>map(s -> download(TranslationXliff.write(s, language),
                        "application/xliff+xml; charset=utf-8", surveyId + "-" + language + ".xlf"))
                .orElseGet(Pages::notFound);
    }

    @Post(uri = "/import", consumes = MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> upload(Authentication authentication, String surveyId, @Nullable @Part("_csrf") String csrf,
                                  @Nullable @Part("file") CompletedFileUpload file) throws IOException {
        if (!StaffForms.csrfMatches(authentication, csrf)) {
            return Pages.expiredForm();
        }
        Optional<LiveSurvey> live = catalogue.find(surveyId);
        if (live.isEmpty()) {
            return Pages.notFound();
        }
        Staff staff = Staff.of(authentication);
        if (file == null || file.getSize() == 0) {
            return refused(staff, live.get(), Message.of("languages.import.error.no.file"));
        }
        Optional<String> text = Uploads.utf8(file.getBytes());
        if (text.isEmpty()) {
            return refused(staff, live.get(), Message.of("languages.import.error.not.utf8"));
        }
        // Spreadsheets and editors on Windows start a UTF-8 file with a byte order mark: not part of the words.
        String content = text.get().startsWith("\uFEFF") ? text.get().substring(1) : text.get();
        // XLIFF is XML; anything else is read as the CSV this page gives out.
        String name = file.getFilename() == null ? "" : file.getFilename().toLowerCase(java.util.Locale.ROOT);
        boolean xml = name.endsWith(".xlf") || name.endsWith(".xliff") || content.stripLeading().startsWith("<");
        TranslatorFile read = xml ? TranslationXliff.read(content) : TranslationCsv.read(content);
        return switch (importer.bring(surveyId, read, staff.email())) {
            case TranslationImport.Outcome.Saved saved -> Pages.seeOther("/staff/languages/" + surveyId + "/coverage/"
                    + saved.language() + "?imported=" + saved.changed());
            case TranslationImport.Outcome.Refused refused -> pages.survey(staff, catalogue.find(surveyId).orElseThrow(),
                    HttpStatus.UNPROCESSABLE_ENTITY, refused.problems());
        };
    }

    private MutableHttpResponse<?> refused(Staff staff, LiveSurvey live, Message why) {
        return pages.survey(staff, live, HttpStatus.UNPROCESSABLE_ENTITY, List.of(why));
    }

    private Optional<SurveyDefinition> translation(String surveyId, String language) {
        return catalogue.find(surveyId).map(LiveSurvey::definition)
                .filter(s -> s.translationsByLanguage().containsKey(language));
    }

    private static MutableHttpResponse<?> download(String text, String type, String fileName) {
        return HttpResponse.ok(text.getBytes(StandardCharsets.UTF_8)).contentType(new MediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
    }
}
