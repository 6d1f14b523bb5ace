package org.cfpflow.messaging;

import org.springframework.data.repository.CrudRepository;

interface SampleRepository extends CrudRepository<Sample, String> {
}
