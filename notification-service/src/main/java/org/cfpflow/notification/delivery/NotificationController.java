package org.cfpflow.notification.delivery;

import java.time.Instant;
import java.util.List;

import org.cfpflow.platform.Paging;
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

/** {@code GET /api/notifications}: every e-mail, its recipient, kind, state and attempts. */
@RestController
class NotificationController {

    private final MongoTemplate mongo;

    NotificationController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record NotificationView(String id, String proposalId, String recipient, NotificationKind kind,
                            DeliveryStatus status, int attempts, String subject, Instant createdAt,
                            Instant nextAttemptAt, Instant sentAt, Instant failedAt, String lastError) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.id(), n.proposalId(), n.recipient(), n.kind(), n.status(), n.attempts(),
                    n.subject(), n.createdAt(), n.status() == DeliveryStatus.PENDING ? n.nextAttemptAt() : null,
                    n.sentAt(), n.failedAt(), n.lastError());
        }
    }

    @GetMapping("/api/notifications")
    PagedModel<NotificationView> list(@RequestParam(required = false) String proposalId,
                                      @RequestParam(required = false) DeliveryStatus status,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size) {
        PageRequest pageable = Paging.of(page, size, Sort.by("createdAt", "_id"));
        Query query = new Query();
        if (proposalId != null && !proposalId.isBlank()) {
            query.addCriteria(Criteria.where("proposalId").is(proposalId));
        }
        if (status != null) {
            query.addCriteria(Criteria.where("status").is(status.name()));
        }
        long total = mongo.count(query, Notification.class);
        List<NotificationView> content = mongo.find(query.with(pageable), Notification.class).stream()
                .map(NotificationView::of).toList();
        return new PagedModel<>(new PageImpl<>(content, pageable, total));
    }
}
