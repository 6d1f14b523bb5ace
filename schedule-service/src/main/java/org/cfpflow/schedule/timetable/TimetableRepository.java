package org.cfpflow.schedule.timetable;

import org.springframework.data.repository.CrudRepository;

interface TimetableRepository extends CrudRepository<Timetable, String> {
}
