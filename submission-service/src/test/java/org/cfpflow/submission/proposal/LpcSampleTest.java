package org.cfpflow.submission.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cfpflow.events.Topics;
import org.cfpflow.submission.SubmissionServiceTest;
import org.cfpflow.testsupport.SharedFiles;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class LpcSampleTest extends SubmissionServiceTest {

    @Test
    void theTenProposalsOfTheLpc2017ContainersMicroConferenceSubmitCleanly() {
        Path sample = SharedFiles.find("datasets/lpc2017-containers-mc.json").orElse(null);
        Assumptions.assumeTrue(sample != null, "shared/datasets/lpc2017-containers-mc.json is not beside this checkout");
        JsonNode dataset = JsonMapper.builder().build().readTree(sample.toFile());

        ObjectNode conference = (ObjectNode) dataset.path("conference").deepCopy();
        conference.remove("start");
        conference.remove("end");
        conference.remove("acronym");
        Instant now = Instant.now();
        conference.put("callOpens", now.minus(1, ChronoUnit.DAYS).toString());
        conference.put("callCloses", now.plus(30, ChronoUnit.DAYS).toString());
        assertThat(admin.putJson("/api/conferences/lpc2017", conference.toString()).status()).isIn(200, 201);

        List<String> ids = new ArrayList<>();
        for (JsonNode proposal : dataset.path("proposals")) {
            TestHttp.Response created = anonymous.postJson("/api/conferences/lpc2017/proposals", proposal.toString());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            JsonNode body = created.json();
            assertThat(body.path("title").asString()).isEqualTo(proposal.path("title").asString());
            assertThat(body.path("description").asString()).isEqualTo(proposal.path("description").asString().strip());
            assertThat(body.path("speakers").findValuesAsString("name"))
                    .isEqualTo(proposal.path("speakers").findValuesAsString("name"));
            ids.add(body.path("id").asString());
        }
        assertThat(ids).hasSize(10).doesNotHaveDuplicates();
        assertThat(admin.get("/api/proposals/" + ids.get(0)).json().path("speakers").get(0).path("name")
                .asString()).isEqualTo("Stéphane Graber");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Long> submitted = new java.util.HashMap<>();
            kafka.readAll(Topics.PROPOSALS).stream().filter(r -> ids.contains(r.key()))
                    .forEach(r -> submitted.merge(r.key(), 1L, Long::sum));
            assertThat(submitted).hasSize(10).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
        });
    }
}
