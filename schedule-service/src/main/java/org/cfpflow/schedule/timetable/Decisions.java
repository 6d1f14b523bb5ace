package org.cfpflow.schedule.timetable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.ProposalConfirmed;
import org.cfpflow.events.ProposalDeclined;
import org.cfpflow.events.ProposalRejected;
import org.cfpflow.events.ProposalUpdated;
import org.cfpflow.events.ProposalWithdrawn;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * The {@link Decision}s, written before the timetable in the same poll: idempotent and independent of the order the
 * events arrive in (the latest decision and the latest availability win by their time; a withdrawal, a decline and a
 * confirmation stay), so a redelivery or a crash between
 * this write and the timetable's changes nothing.
 */
@Component
class Decisions {

    private final MongoTemplate mongo;

    Decisions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records what these events say and answers what is now known of their proposals, by proposal id. */
    Map<String, Decision> record(Collection<?> payloads) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Object payload : payloads) {
            if (payload instanceof ProposalAccepted accepted) {
                decided(writes, accepted.proposalId(), Decision.Outcome.ACCEPTED, accepted.acceptedAt());
                ids.add(accepted.proposalId());
            }
            else if (payload instanceof ProposalRejected rejected) {
                decided(writes, rejected.proposalId(), Decision.Outcome.REJECTED, rejected.rejectedAt());
                ids.add(rejected.proposalId());
            }
            else if (payload instanceof ProposalWithdrawn withdrawn) {
                earliest(writes, withdrawn.proposalId(), "withdrawnAt", withdrawn.withdrawnAt());
                ids.add(withdrawn.proposalId());
            }
            else if (payload instanceof ProposalDeclined declined) {
                earliest(writes, declined.proposalId(), "declinedAt", declined.declinedAt());
                ids.add(declined.proposalId());
            }
            else if (payload instanceof ProposalUpdated updated) {
                latest(writes, updated);
                ids.add(updated.proposalId());
            }
            else if (payload instanceof ProposalConfirmed confirmed) {
                earliest(writes, confirmed.proposalId(), "confirmedAt", confirmed.confirmedAt());
                ids.add(confirmed.proposalId());
            }
        }
        if (writes.isEmpty()) {
            return Map.of();
        }
        mongo.getCollection(mongo.getCollectionName(Decision.class)).bulkWrite(writes);
        return mongo.find(new Query(Criteria.where("_id").in(ids)), Decision.class).stream()
                .collect(Collectors.toMap(Decision::proposalId, Function.identity()));
    }

    /** A fact that stays once known, at the earliest time it was told. */
    private static void earliest(List<WriteModel<Document>> writes, String proposalId, String field, Instant at) {
        writes.add(new UpdateOneModel<>(Filters.eq("_id", proposalId), Updates.min(field, at),
                new UpdateOptions().upsert(true)));
    }

    /** The speakers' availability as of this update, unless a later one is known. */
    private void latest(List<WriteModel<Document>> writes, ProposalUpdated updated) {
        Object windows = mongo.getConverter().convertToMongoType(updated.talk().availability());
        writes.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", updated.proposalId()),
                Filters.or(Filters.lt("updatedAt", updated.updatedAt()), Filters.eq("updatedAt", null))),
                Updates.combine(Updates.set("availability", windows), Updates.set("updatedAt", updated.updatedAt()))));
        writes.add(new UpdateOneModel<>(Filters.eq("_id", updated.proposalId()), Updates.combine(
                Updates.setOnInsert("availability", windows), Updates.setOnInsert("updatedAt", updated.updatedAt())),
                new UpdateOptions().upsert(true)));
    }

    /** The decision replaces an older one (or none), never a newer one. */
    private static void decided(List<WriteModel<Document>> writes, String proposalId, Decision.Outcome outcome,
                                Instant at) {
        writes.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", proposalId),
                Filters.or(Filters.lt("decidedAt", at), Filters.eq("decidedAt", null))),
                Updates.combine(Updates.set("outcome", outcome.name()), Updates.set("decidedAt", at))));
        writes.add(new UpdateOneModel<>(Filters.eq("_id", proposalId), Updates.combine(
                Updates.setOnInsert("outcome", outcome.name()), Updates.setOnInsert("decidedAt", at)),
                new UpdateOptions().upsert(true)));
    }
}
