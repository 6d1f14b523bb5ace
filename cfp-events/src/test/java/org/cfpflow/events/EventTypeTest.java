package org.cfpflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class EventTypeTest {

    @Test
    void everyPayloadRecordHasOneTypeNamedAfterItInThePastTense() {
        assertThat(CfpEvent.class.getPermittedSubclasses()).hasSize(EventType.values().length);
        for (EventType type : EventType.values()) {
            assertThat(EventType.fromTypeName(type.typeName())).contains(type);
            assertThat(type.typeName()).matches("[A-Z][a-zA-Z]+(ed|ent|wn)");
        }
        assertThat(EventType.fromTypeName("ProposalTeleported")).isEmpty();
        assertThat(EventType.PROPOSAL_ACCEPTED.topic()).isEqualTo(Topics.DECISIONS);
        assertThat(Topics.deadLetter(Topics.PROPOSALS, "review-service")).isEqualTo("cfp.proposals.review-service.dlq");
    }

    @Test
    void talkTravelsWithTheDesignsFieldNamesAndRefusesAnInvalidPayload() {
        JsonMapper json = JsonMapper.builder().build();
        Talk talk = new Talk("LXCFS", "Limits", "More", "containers", 15,
                List.of(new Speaker("Stéphane Graber", "stephane.graber@example.org", null)));
        String written = json.writeValueAsString(talk);
        assertThat(written).contains("\"abstract\":\"Limits\"").doesNotContain("abstractText");
        assertThat(json.readValue(written, Talk.class)).isEqualTo(talk);
        assertThatThrownBy(() -> new Talk("LXCFS", null, null, "containers", 15, List.of()))
                .hasMessage("speakers must not be empty");
    }
}
