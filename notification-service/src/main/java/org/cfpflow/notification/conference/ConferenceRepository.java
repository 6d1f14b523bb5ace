package org.cfpflow.notification.conference;

import org.springframework.data.repository.CrudRepository;

interface ConferenceRepository extends CrudRepository<Conference, String> {
}
