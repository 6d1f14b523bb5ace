package org.cfpflow.review.conference;

import org.springframework.data.repository.CrudRepository;

interface ConferenceRepository extends CrudRepository<Conference, String> {
}
