package org.cfpflow.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;


import org.cfpflow.local.JsonHttp;
import org.cfpflow.local.MailboxFile;

import tools.jackson.databind.JsonNode;

/**
 * The invariants after one scenario, over the proposals its burst got acknowledged: each has its proposal, its
 * review entry and its receipts; each e-mail that should exist was handed to SMTP exactly once; each accepted talk is
 * scheduled or waitlisted, once; no room holds two talks at once and no speaker gives two.
 */
record Verdict(int proposals, int lost, int emailsExpected, int emailsSent, int duplicated, int unexpected,
               int unplaced, int overlaps, List<String> problems) {

    /** The e-mails the acknowledged facts call for, by (proposal, recipient, kind); the placement is read back. */
    static Set<String> expectedMails(Burst burst, JsonNode timetable) {
        Set<String> scheduled = new HashSet<>();
        placed(timetable).forEach(slot -> scheduled.add(slot.path("proposalId").asString()));
        Set<String> expected = new HashSet<>();
        for (Burst.Proposal proposal : burst.acknowledged.values()) {
            List<String> kinds = new ArrayList<>(List.of("SUBMITTED"));
            String decision = burst.decisions.get(proposal.id());
            if ("ACCEPT".equals(decision)) {
                kinds.add("ACCEPTED");
                kinds.add(scheduled.contains(proposal.id()) ? "SCHEDULED" : "WAITLISTED");
            }
            else if ("REJECT".equals(decision)) {
                kinds.add("REJECTED");
            }
            for (String email : proposal.speakerEmails()) {
                for (String kind : kinds) {
                    expected.add(key(proposal.id(), email, kind));
                }
            }
        }
        return expected;
    }

    static String key(String proposalId, String recipient, String kind) {
        return proposalId + " " + recipient.toLowerCase(Locale.ROOT) + " " + kind;
    }

    static Verdict of(Burst burst, JsonHttp organizer, JsonHttp reviewer, JsonNode timetable, List<MailboxFile.Mail> mailbox,
                      int allowedDuplicates) {
        List<String> problems = new ArrayList<>();
        Set<String> expected = expectedMails(burst, timetable);
        Map<String, Integer> byKey = new HashMap<>();
        // a message sent again carries its Message-ID again: the notification-service's documented window; two
        // different messages for one (proposal, recipient, kind) would be two notifications, never allowed
        Map<String, Set<String>> messageIds = new HashMap<>();
        for (MailboxFile.Mail mail : mailbox) {
            if (burst.acknowledged.containsKey(mail.proposalId())) {
                String key = key(mail.proposalId(), mail.recipient(), mail.kind());
                byKey.merge(key, 1, Integer::sum);
                messageIds.computeIfAbsent(key, k -> new HashSet<>()).add(String.valueOf(mail.messageId()));
            }
        }
        int sent = 0;
        for (String key : expected) {
            if (byKey.containsKey(key)) {
                sent++;
            }
            else if (problems.size() < 20) {
                problems.add("e-mail never handed to SMTP: " + key);
            }
        }
        int duplicated = byKey.values().stream().mapToInt(n -> n - 1).sum();
        int unexpected = (int) byKey.keySet().stream().filter(k -> !expected.contains(k)).count();
        byKey.forEach((key, n) -> {
            int messages = messageIds.get(key).size();
            if (messages > 1 && problems.size() < 20) {
                problems.add("e-mail handed to SMTP as " + messages + " different messages: " + key);
            }
            else if (n > 1 && duplicated > allowedDuplicates && problems.size() < 20) {
                problems.add("e-mail handed to SMTP " + n + " times: " + key);
            }
            if (!expected.contains(key) && problems.size() < 20) {
                problems.add("e-mail nobody should have had: " + key);
            }
        });
        if (duplicated > allowedDuplicates) {
            problems.add(duplicated + " duplicated e-mails (at most " + allowedDuplicates + " allowed here)");
        }

        int lost = 0;
        for (Burst.Proposal proposal : burst.acknowledged.values()) {
            int proposalStatus = organizer.get("/api/proposals/" + proposal.id()).status();
            int reviewStatus = reviewer.get("/api/reviews/proposals/" + proposal.id()).status();
            boolean receipts = proposal.speakerEmails().stream()
                    .allMatch(email -> byKey.containsKey(key(proposal.id(), email, "SUBMITTED")));
            if (proposalStatus != 200 || reviewStatus != 200 || !receipts) {
                lost++;
                if (problems.size() < 40) {
                    problems.add("acknowledged proposal " + proposal.id() + ": proposal " + proposalStatus
                            + ", review entry " + reviewStatus + ", receipts " + (receipts ? "sent" : "missing"));
                }
            }
        }

        Map<String, Integer> placements = new HashMap<>();
        placed(timetable).forEach(slot -> placements.merge(slot.path("proposalId").asString(), 1, Integer::sum));
        for (JsonNode waiting : timetable.path("waitlist")) {
            placements.merge(waiting.path("proposalId").asString(), 1, Integer::sum);
        }
        int unplaced = 0;
        for (Map.Entry<String, String> decision : burst.decisions.entrySet()) {
            int times = placements.getOrDefault(decision.getKey(), 0);
            boolean accepted = decision.getValue().equals("ACCEPT");
            if (accepted ? times != 1 : times != 0) {
                unplaced++;
                problems.add((accepted ? "accepted" : "rejected") + " talk " + decision.getKey() + " is in the timetable "
                        + times + " times");
            }
        }
        int overlaps = overlaps(timetable, problems);
        return new Verdict(burst.acknowledged.size(), lost, expected.size(), sent, duplicated, unexpected, unplaced,
                overlaps, problems);
    }

    /** The same counts, with more problems found around them (the fault itself, the recovery time). */
    Verdict with(List<String> more) {
        List<String> all = new ArrayList<>(more);
        all.addAll(problems);
        return new Verdict(proposals, lost, emailsExpected, emailsSent, duplicated, unexpected, unplaced, overlaps, all);
    }

    boolean holds() {
        return problems.isEmpty();
    }

    /** Every slot of the timetable, each with its room. */
    private static List<JsonNode> placed(JsonNode timetable) {
        List<JsonNode> slots = new ArrayList<>();
        for (JsonNode day : timetable.path("days")) {
            for (JsonNode room : day.path("rooms")) {
                for (JsonNode slot : room.path("slots")) {
                    slots.add(((tools.jackson.databind.node.ObjectNode) slot.deepCopy()).put("room",
                            room.path("name").asString()));
                }
            }
        }
        return slots;
    }

    /** Pairs of slots sharing a room or a speaker at the same time, over the whole timetable. */
    private static int overlaps(JsonNode timetable, List<String> problems) {
        List<JsonNode> slots = placed(timetable);
        int overlaps = 0;
        for (int i = 0; i < slots.size(); i++) {
            for (int j = i + 1; j < slots.size(); j++) {
                JsonNode a = slots.get(i);
                JsonNode b = slots.get(j);
                boolean atOnce = java.time.OffsetDateTime.parse(a.path("start").asString())
                        .isBefore(java.time.OffsetDateTime.parse(b.path("end").asString()))
                        && java.time.OffsetDateTime.parse(b.path("start").asString())
                        .isBefore(java.time.OffsetDateTime.parse(a.path("end").asString()));
                if (!atOnce) {
                    continue;
                }
                Set<String> shared = new HashSet<>();
                a.path("speakers").forEach(s -> shared.add(s.asString()));
                Set<String> other = new HashSet<>();
                b.path("speakers").forEach(s -> other.add(s.asString()));
                shared.retainAll(other);
                if (a.path("room").asString().equals(b.path("room").asString()) || !shared.isEmpty()) {
                    overlaps++;
                    problems.add("overlap: " + a.path("proposalId").asString() + " and " + b.path("proposalId").asString()
                            + (shared.isEmpty() ? " in room " + a.path("room").asString() : " share " + shared));
                }
            }
        }
        return overlaps;
    }
}
