package org.cfpflow.review.conference;

import org.springframework.data.repository.CrudRepository;

interface ConferenceSettingsRepository extends CrudRepository<ConferenceSettings, String> {
}
