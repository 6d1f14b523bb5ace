package org.cfpflow.notification.delivery;

import java.time.Instant;
import java.util.List;

import org.cfpflow.platform.Paging;
import org.cfpflow.events.TeamMember;
import org.cfpflow.events.TeamRole;
import org.cfpflow.notification.conference.Conference;
import org.cfpflow.notification.conference.Conferences;
import org.cfpflow.platform.FieldViolation;
import org.cfpflow.platform.InvalidRequestException;
import org.cfpflow.platform.TeamAccess;
import org.springframework.security.core.Authentication;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/notifications}: a conference's e-mails, their recipients, kinds, states and attempts, for its
 * organizers; an admin may leave the conference out and see every conference's.
 */
@RestController
class NotificationController {

    private final MongoTemplate mongo;
    private final Conferences conferences;

    NotificationController(MongoTemplate mongo, Conferences conferences) {
        this.mongo = mongo;
        this.conferences = conferences;
    }

    record NotificationView(String id, String conferenceId, String proposalId, String recipient, NotificationKind kind,
                            DeliveryStatus status, int attempts, String subject, Instant createdAt,
                            Instant nextAttemptAt, Instant sentAt, Instant failedAt, String lastError) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.id(), n.conferenceId(), n.proposalId(), n.recipient(), n.kind(), n.status(), n.attempts(),
                    n.subject(), n.createdAt(), n.status() == DeliveryStatus.PENDING ? n.nextAttemptAt() : null,
                    n.sentAt(), n.failedAt(), n.lastError());
        }
    }

    @GetMapping("/api/notifications")
    PagedModel<NotificationView> list(@RequestParam(required = false) String conference,
                                      @RequestParam(required = false) String proposalId,
                                      @RequestParam(required = false) DeliveryStatus status,
                                      @RequestParam(required = false) NotificationKind kind,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size, Authentication caller) {
        PageRequest pageable = Paging.of(page, size, Sort.by("createdAt", "_id"));
        Query query = new Query();
        if (conference == null || conference.isBlank()) {
            if (!TeamAccess.isAdmin(caller)) {
                throw new InvalidRequestException(List.of(new FieldViolation("conference",
                        "is required: the conference whose e-mails to list")));
            }
        }
        else {
            List<TeamMember> team = conferences.find(conference).map(Conference::team).orElse(List.of());
            TeamAccess.require(caller, team, TeamRole.ORGANIZER, null, conference);
            query.addCriteria(Criteria.where("conferenceId").is(conference));
        }
        if (proposalId != null && !proposalId.isBlank()) {
            query.addCriteria(Criteria.where("proposalId").is(proposalId));
        }
        if (status != null) {
            query.addCriteria(Criteria.where("status").is(status.name()));
        }
        if (kind != null) {
            query.addCriteria(Criteria.where("kind").is(kind.name()));
        }
        long total = mongo.count(query, Notification.class);
        List<NotificationView> content = mongo.find(query.with(pageable), Notification.class).stream()
                .map(NotificationView::of).toList();
        return new PagedModel<>(new PageImpl<>(content, pageable, total));
    }
}
