package uk.chorus.feedback;

import jakarta.inject.Singleton;
import uk.chorus.web.HomeLinks;
import uk.chorus.web.Messages;

import java.util.List;

/** The home page links to the Local Offer feedback form, so it is found by more than those on a Local Offer page. */
@Singleton
class LocalOfferHomeLink implements HomeLinks {
    private final Messages messages;

    LocalOfferHomeLink(Messages messages) {
        this.messages = messages;
    }

    @Override
    public List<Link> links() {
        return List.of(new Link(10, messages.get("home.feedback.heading"), messages.get("home.feedback.body"),
                messages.get("home.feedback.link"), "/feedback/local-offer"));
    }
}
