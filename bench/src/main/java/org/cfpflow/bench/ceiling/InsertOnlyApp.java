package org.cfpflow.bench.ceiling;

import org.bson.Document;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The intake ceiling: the least a Spring Boot service can do with a proposal, on the same JVM settings, the same
 * store and the same HTTP stack as the submission-service: parse the JSON body and insert it. No validation, no
 * outbox, no security, no events.
 */
@SpringBootApplication
public class InsertOnlyApp {

    public static void main(String[] args) {
        SpringApplication.run(InsertOnlyApp.class, args);
    }

    @RestController
    static class InsertController {

        private final MongoTemplate mongo;

        InsertController(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        @PostMapping("/api/proposals")
        ResponseEntity<Void> insert(@RequestBody String body) {
            mongo.insert(Document.parse(body), "proposals");
            return ResponseEntity.status(201).build();
        }
    }
}
