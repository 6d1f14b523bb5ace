package org.cfpflow.review.conference;

import java.util.List;
import java.util.Locale;

import org.cfpflow.messaging.ConferenceCopies;
import org.cfpflow.platform.TeamAccess;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** This service's copies of the conferences: their teams and whether review is blind, asked by every look. */
@Component
public class Conferences extends ConferenceCopies<Conference> {

    private final MongoTemplate mongo;

    Conferences(ConferenceRepository conferences, MongoTemplate mongo) {
        super(conferences, Conference::new);
        this.mongo = mongo;
    }

    /** The conferences whose team the caller is in (every one, for an admin), by id. */
    public List<Conference> of(Authentication caller) {
        Query query = TeamAccess.isAdmin(caller) ? new Query()
                : new Query(Criteria.where("team.email").is(caller.getName().toLowerCase(Locale.ROOT)));
        return mongo.find(query.with(Sort.by("_id")), Conference.class);
    }
}
