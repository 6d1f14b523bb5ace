package org.cfpflow.notification.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cfpflow.events.ProposalSubmitted;
import org.cfpflow.messaging.NewDocuments;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Each proposal's page and its speakers' edit token, sealed as the submission-service sealed it, kept from the
 * proposal's receipt for the e-mails that ask the speakers to act later (confirm or decline an accepted talk). The
 * token is opened only into the message as it is sent; here it stays sealed, as in every stored e-mail.
 */
@Component
class EditLinks {

    private final MongoTemplate mongo;

    EditLinks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps the links of these submissions; one kept already (its event delivered again) stays as it is. */
    void keep(List<ProposalSubmitted> submitted) {
        List<org.bson.Document> links = new ArrayList<>();
        for (ProposalSubmitted proposal : submitted) {
            if (proposal.editUrl() != null && proposal.sealedEditToken() != null) {
                org.bson.Document document = new org.bson.Document();
                mongo.getConverter().write(new EditLink(proposal.proposalId(), proposal.conferenceId(),
                        proposal.editUrl(), proposal.sealedEditToken()), document);
                links.add(document);
            }
        }
        NewDocuments.insert(mongo.getCollection(mongo.getCollectionName(EditLink.class)), links);
    }

    /** The proposal's link, if its receipt was seen. */
    Optional<EditLink> of(String proposalId) {
        return Optional.ofNullable(mongo.findById(proposalId, EditLink.class));
    }

    @Document("editLinks")
    record EditLink(@Id String proposalId, String conferenceId, String page, String sealedEditToken) {
    }
}
