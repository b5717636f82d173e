package uk.chorus.pledges;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForms;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.Uploads;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** The circulation list, imported from a CSV file: a multipart form, so its CSRF token is checked here. */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/pledges", produces = MediaType.TEXT_HTML)
class CirculationImportController {
    private final Campaigns campaigns;
    private final Circulation circulation;
    private final PledgeImport importer;
    private final CampaignDashboard dashboard;
    private final Messages messages;

    CirculationImportController(Campaigns campaigns, Circulation circulation, PledgeImport importer,
                                CampaignDashboard dashboard, Messages messages) {
        this.campaigns = campaigns;
        this.circulation = circulation;
        this.importer = importer;
        this.dashboard = dashboard;
        this.messages = messages;
    }


    @Post(uri = "/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> importList(Authentication authentication, long id, @Nullable @Part("_csrf") String csrf,
                                      @Nullable @Part("file") CompletedFileUpload file) throws IOException {
        if (!StaffForms.csrfMatches(authentication, csrf)) {
            return Pages.expiredForm();
        }
        Optional<Campaigns.Campaign> campaign = campaigns.find(id);
        if (campaign.isEmpty()) {
            return Pages.notFound();
        }
        if (file == null || file.getSize() == 0) {
            return Pages.render(HttpStatus.UNPROCESSABLE_ENTITY, "pledges/dashboard", dashboard.model(authentication,
                    campaign.get(), null, FormErrors.of("file", messages.get("pledges.import.error.no.file")), Map.of()));
        }
        Optional<String> text = Uploads.utf8(file.getBytes());
        if (text.isEmpty()) {
            return Pages.render(HttpStatus.UNPROCESSABLE_ENTITY, "pledges/dashboard", dashboard.model(authentication,
                    campaign.get(), null, FormErrors.of("file", messages.get("pledges.import.error.not.utf8")), Map.of()));
        }
        String csv = text.get();
        PledgeImport.Checked checked = importer.check(csv, circulation.of(id));
        if (!checked.problems().isEmpty()) {
            return Pages.render(HttpStatus.UNPROCESSABLE_ENTITY, "pledges/dashboard", dashboard.model(authentication,
                    campaign.get(), null, FormErrors.of("file", messages.count("pledges.import.error.problems",
                            checked.problems().size())), Map.of("problems", checked.problems().stream().limit(100).toList(),
                            "duplicates", checked.duplicates())));
        }
        int added = circulation.add(id, checked.organisations(), Staff.of(authentication).email());
        if (!checked.duplicates().isEmpty()) {
            return Pages.render("pledges/dashboard", dashboard.model(authentication, campaign.get(),
                    messages.count("pledges.done.imported", added), FormErrors.none(),
                    Map.of("duplicates", checked.duplicates())));
        }
        return Pages.seeOther("/staff/pledges/" + id + "?imported=" + added);
    }
}
