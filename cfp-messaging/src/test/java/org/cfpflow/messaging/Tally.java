package org.cfpflow.messaging;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("tallies")
class Tally extends Aggregate {

    @Id
    private String id;

    private List<String> handledTypes = new ArrayList<>();

    Tally(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    void count(String type) {
        handledTypes.add(type);
    }

    List<String> handledTypes() {
        return handledTypes;
    }
}
