package org.cfpflow.notification.notification;

import org.springframework.data.repository.CrudRepository;

interface NotificationRepository extends CrudRepository<Notification, String> {
}
