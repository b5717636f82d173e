package uk.chorus.feedback;

import io.micronaut.core.annotation.Nullable;
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
import uk.chorus.accounts.CsrfOnly;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForms;
import uk.chorus.accounts.StaffForm;
import uk.chorus.web.Dates;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.Uploads;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CSV import of existing feedback: upload, see every row and every problem, then import all of
 * it at once. A file with any problem imports nothing; the lead fixes it and uploads it again.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/feedback/import", produces = MediaType.TEXT_HTML)
class FeedbackImportController {
    static final int ROWS_SHOWN = 50;
    static final int PROBLEMS_SHOWN = 100;
    private final FeedbackImport importer;
    private final Messages messages;

    FeedbackImportController(FeedbackImport importer, Messages messages) {
        this.importer = importer;
        this.messages = messages;
    }

    public record Preview(long line, String date, String channel, String subject, String text) {
    }

    @Get
    MutableHttpResponse<?> form(Authentication authentication) {
        return render(authentication, HttpStatus.OK, FormErrors.none(), Map.of());
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> upload(Authentication authentication, @Nullable @Part("_csrf") String csrf,
                                  @Nullable @Part("file") CompletedFileUpload file) throws IOException {
        if (!StaffForms.csrfMatches(authentication, csrf)) {
            return Pages.expiredForm();
        }
        if (file == null || file.getSize() == 0) {
            return render(authentication, HttpStatus.UNPROCESSABLE_ENTITY,
                    FormErrors.of("file", messages.get("feedback.import.error.no.file")), Map.of());
        }
        Optional<String> text = Uploads.utf8(file.getBytes());
        if (text.isEmpty()) {
            return render(authentication, HttpStatus.UNPROCESSABLE_ENTITY,
                    FormErrors.of("file", messages.get("feedback.import.error.not.utf8")), Map.of());
        }
        String csv = text.get();
        Staff staff = Staff.of(authentication);
        FeedbackImport.Checked checked = importer.check(csv, staff.email());
        List<Preview> rows = checked.rows().stream().limit(ROWS_SHOWN).map(this::preview).toList();
        if (!checked.importable()) {
            List<String> problems = checked.problems();
            return render(authentication, HttpStatus.UNPROCESSABLE_ENTITY,
                    FormErrors.of("file", messages.count("feedback.import.error.problems", problems.size())),
                    Map.of("problems", problems.stream().limit(PROBLEMS_SHOWN).toList(),
                            "moreProblems", problems.size() > PROBLEMS_SHOWN, "rows", rows,
                            "rowCount", checked.rows().size()));
        }
        String token = importer.keep(csv, checked.rows().size(), staff.email());
        return render(authentication, HttpStatus.OK, FormErrors.none(), Map.of("token", token, "rows", rows,
                "rowCount", checked.rows().size(), "moreRows", checked.rows().size() > ROWS_SHOWN));
    }

    @Post(uri = "/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> commit(@StaffForm CsrfOnly form, Authentication authentication, String token) {
        Optional<Integer> imported = importer.commit(token, Staff.of(authentication).email());
        if (imported.isEmpty()) {
            return render(authentication, HttpStatus.NOT_FOUND,
                    FormErrors.of("file", messages.get("feedback.import.error.gone")), Map.of());
        }
        return Pages.seeOther("/staff/feedback?imported=" + imported.get());
    }

    private Preview preview(FeedbackImport.Row row) {
        String text = row.item().text() == null ? "" : row.item().text();
        return new Preview(row.line(), Dates.longForm(row.item().occurredOn()),
                messages.get(row.item().channel().labelKey()), row.item().subject() == null ? "" : row.item().subject(),
                text.length() > 200 ? text.substring(0, 200) + "…" : text);
    }

    private MutableHttpResponse<?> render(Authentication authentication, HttpStatus status, FormErrors errors,
                                          Map<String, Object> more) {
        Map<String, Object> model = Pages.model("titleKey", "feedback.import.title", "staff", Staff.of(authentication),
                "tab", "import", "example", FeedbackImport.EXAMPLE, "columns", String.join(", ", FeedbackImport.COLUMNS.stream().sorted().toList()));
        model.putAll(more);
        return Pages.render(status, "feedback/import", errors.addTo(model));
    }
}
