package org.cfpflow.messaging;

import org.springframework.data.repository.CrudRepository;

interface TallyRepository extends CrudRepository<Tally, String> {
}
