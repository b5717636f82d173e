package uk.chorus.themes;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForms;
import uk.chorus.audit.AuditLog;
import uk.chorus.web.Dates;
import uk.chorus.web.Pages;

/**
 * The search index's state, and rebuilding it from the database on demand, with a progress bar
 * that refreshes itself every two seconds (no JavaScript needed) while the rebuild runs.
 */
@Secured({Role.LEAD_NAME, Role.ADMIN_NAME})
@Controller(value = "/staff/themes/index", produces = MediaType.TEXT_HTML)
class IndexController {
    private final IndexFollower follower;
    private final TextIndex index;
    private final AuditLog audit;

    IndexController(IndexFollower follower, TextIndex index, AuditLog audit) {
        this.follower = follower;
        this.index = index;
        this.audit = audit;
    }

    @Get
    MutableHttpResponse<?> status(Authentication authentication) {
        IndexFollower.Rebuild rebuild = follower.rebuild();
        // How far the index has applied the change log first, then what searches see: the follower
        // refreshes searches before it moves "applied" on, so the count covers at least that far.
        long applied = follower.applied();
        long documents = index.documents();
        return Pages.render("themes/index", Pages.model("titleKey", "themes.index.title",
                "staff", Staff.of(authentication), "tab", "index", "documents", documents,
                "applied", applied, "rebuild", rebuild, "running", rebuild.running(),
                "started", rebuild.started() == null ? null : Dates.dateTime(rebuild.started()),
                "finished", rebuild.finished() == null ? null : Dates.dateTime(rebuild.finished())));
    }

    @Post(uri = "/rebuild", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> rebuild(HttpRequest<byte[]> request, Authentication authentication) {
        if (StaffForms.read(authentication, request).isEmpty()) {
            return Pages.expiredForm();
        }
        String by = Staff.of(authentication).email();
        if (follower.startRebuild(by)) {
            audit.record(by, "search index rebuilt", null, null);
        }
        return Pages.seeOther("/staff/themes/index");
    }
}
