package org.cfpflow.notification.conference;

import org.springframework.data.repository.CrudRepository;

interface ConferenceDirectoryRepository extends CrudRepository<ConferenceDirectory, String> {
}
