package uk.chorus.themes;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.web.ApiError;
import uk.chorus.web.Messages;
import uk.chorus.web.RequestBody;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The staff APIs of search and themes, for leads with a bearer token: the themes with how many
 * comments and people each holds; the themes a piece of text would get, with the words that
 * matched; and a search of every comment, with the same filters and permissions as the page.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/api/v1", produces = MediaType.APPLICATION_JSON)
class ThemeApiController {
    private static final int LONGEST_TEXT = 10_000;
    private final CommentSearch search;
    private final ThemeQueries themes;
    private final Tagger tagger;
    private final Readers readers;
    private final JsonMapper json;
    private final Messages messages;

    ThemeApiController(CommentSearch search, ThemeQueries themes, Tagger tagger, Readers readers, JsonMapper json,
                       Messages messages) {
        this.search = search;
        this.themes = themes;
        this.tagger = tagger;
        this.readers = readers;
        this.json = json;
        this.messages = messages;
    }

    @Serdeable
    record ThemeJson(String id, String name, String description, String definition, long comments, long people) {
    }

    @Serdeable
    record Tagged(List<Tagger.Match> themes) {
    }

    @Serdeable
    record HitJson(String id, String text, String date, Map<String, String> fields, List<Tagger.Match> themes) {
    }

    @Serdeable
    record Results(long total, long people, int page, List<HitJson> hits, Map<String, List<CommentSearch.Value>> facets,
                   List<CommentSearch.ThemeCount> themes) {
    }

    @Get("/themes")
    HttpResponse<?> list(Authentication authentication) {
        CommentSearch.Counts counts = search.counts(CommentSearch.Request.everything(readers.hiddenFrom(Staff.of(authentication))));
        Map<String, CommentSearch.ThemeCount> byId = new java.util.HashMap<>();
        counts.themes().forEach(t -> byId.put(t.id(), t));
        return HttpResponse.ok(themes.all().stream().map(t -> {
            CommentSearch.ThemeCount count = byId.get(t.id());
            return new ThemeJson(t.id(), t.theme().name(), t.theme().description(), t.theme().definition(),
                    count == null ? 0 : count.comments(), count == null ? 0 : count.respondents());
        }).toList());
    }

    @Post(uri = "/themes/tag", consumes = MediaType.ALL)
    HttpResponse<?> tag(HttpRequest<byte[]> request) {
        boolean isJson = request.getContentType().map(type -> type.matches(MediaType.APPLICATION_JSON_TYPE)).orElse(false);
        if (!isJson) {
            return HttpResponse.status(io.micronaut.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                    .body(ApiError.of(messages.get("api.json.required")));
        }
        String text;
        try {
            JsonNode body = json.readValue(RequestBody.bytes(request), JsonNode.class);
            JsonNode field = body == null || !body.isObject() ? null : body.get("text");
            if (field == null || !field.isString()) {
                return HttpResponse.badRequest(ApiError.of(messages.get("api.themes.text.missing")));
            }
            text = field.getStringValue();
        } catch (IOException | RuntimeException e) {
            return HttpResponse.badRequest(ApiError.of(messages.get("api.body.not.json")));
        }
        if (text.length() > LONGEST_TEXT) {
            return HttpResponse.badRequest(ApiError.of(messages.get("api.themes.text.long", LONGEST_TEXT)));
        }
        return HttpResponse.ok(new Tagged(tagger.tag(text)));
    }

    @Get("/search")
    HttpResponse<?> search(HttpRequest<?> request, Authentication authentication) {
        CommentSearch.Request wanted = readers.request(request, readers.hiddenFrom(Staff.of(authentication)));
        CommentSearch.Page page = search.search(wanted, Map.of());
        List<HitJson> hits = page.hits().stream().map(h -> new HitJson(h.id(), h.text(), h.date().toString(), h.fields(),
                h.tags().stream().filter(CommentSearch.Tag::counted).map(t -> new Tagger.Match(t.themeId(), t.words()))
                        .toList())).toList();
        return HttpResponse.ok(new Results(page.counts().total(), page.counts().respondents(), wanted.page(), hits,
                page.counts().facets(), page.counts().themes()));
    }
}
