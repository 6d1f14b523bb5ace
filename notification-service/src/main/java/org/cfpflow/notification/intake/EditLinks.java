package org.cfpflow.notification.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.cfpflow.events.ProposalSubmitted;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * Each proposal's page and its speakers' edit token, sealed as the submission-service sealed it, kept from the
 * proposal's receipt for the e-mails that ask the speakers to act later (confirm or decline an accepted talk), and
 * whether they have answered (confirmed, declined or withdrawn): no reminder goes to speakers who have. The token is
 * opened only into the message as it is sent; here it stays sealed, as in every stored e-mail.
 */
@Component
class EditLinks {

    private final MongoTemplate mongo;

    EditLinks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps the links of these submissions; a redelivery writes the same values again. */
    void keep(List<ProposalSubmitted> submitted) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (ProposalSubmitted proposal : submitted) {
            if (proposal.editUrl() != null && proposal.sealedEditToken() != null) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", proposal.proposalId()), Updates.combine(
                        Updates.set("conferenceId", proposal.conferenceId()), Updates.set("page", proposal.editUrl()),
                        Updates.set("sealedEditToken", proposal.sealedEditToken())), new UpdateOptions().upsert(true)));
            }
        }
        write(writes);
    }

    /** The speakers of these proposals answered at {@code at} (the earliest answer is kept). */
    void answered(Collection<String> proposalIds, Instant at) {
        write(proposalIds.stream().<WriteModel<Document>>map(id -> new UpdateOneModel<>(Filters.eq("_id", id),
                Updates.min("answeredAt", at), new UpdateOptions().upsert(true))).toList());
    }

    private void write(List<WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            mongo.getCollection(mongo.getCollectionName(EditLink.class)).bulkWrite(writes);
        }
    }

    /** The proposal's link and answer, if either was seen. */
    Optional<EditLink> of(String proposalId) {
        return Optional.ofNullable(mongo.findById(proposalId, EditLink.class));
    }

    /** {@code page} and {@code sealedEditToken} null until the receipt is seen; {@code answeredAt} until an answer. */
    @org.springframework.data.mongodb.core.mapping.Document("editLinks")
    record EditLink(@Id String proposalId, String conferenceId, String page, String sealedEditToken,
                    Instant answeredAt) {
    }
}
