package org.cfpflow.messaging;

import java.time.Instant;
import java.util.List;

import org.cfpflow.events.ProposalSubmitted;
import org.cfpflow.events.Speaker;
import org.cfpflow.events.Talk;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("samples")
class Sample extends Aggregate {

    @Id
    private String id;

    Sample(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    void submit(String title) {
        raise(new ProposalSubmitted("lpc2017", id, new Talk(title, "An abstract", "A description", "containers", 15,
                List.of(new Speaker("Stéphane Graber", "stephane@example.org", null))), null, null, null, Instant.now()));
    }
}
