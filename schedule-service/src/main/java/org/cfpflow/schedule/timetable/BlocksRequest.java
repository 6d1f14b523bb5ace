package org.cfpflow.schedule.timetable;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.cfpflow.events.Track;
import org.cfpflow.platform.Violations;

/** {@code PUT /api/conferences/{c}/timetable/blocks}: times are local date-times of the conference's zone. */
public record BlocksRequest(List<BlockRequest> blocks) {

    public record BlockRequest(String track, String room, LocalDateTime start, LocalDateTime end, List<BreakRequest> breaks) {
    }

    public record BreakRequest(LocalDateTime start, LocalDateTime end) {
    }

    public List<Block> toBlocks(List<Track> tracks) {
        Set<String> slugs = tracks.stream().map(Track::slug).collect(Collectors.toSet());
        Violations violations = new Violations();
        List<Block> result = new ArrayList<>();
        if (blocks == null) {
            violations.add("blocks", "is required (an empty list removes every block)");
        }
        for (int i = 0; blocks != null && i < blocks.size(); i++) {
            String field = "blocks[" + i + "]";
            BlockRequest block = blocks.get(i);
            if (!violations.required(block, field)) {
                continue;
            }
            if (violations.line(block.track(), field + ".track", 64)) {
                violations.check(slugs.contains(block.track()), field + ".track",
                        "is not a track of the conference; tracks are " + slugs);
            }
            violations.line(block.room(), field + ".room", 100);
            boolean times = violations.required(block.start(), field + ".start")
                    & violations.required(block.end(), field + ".end");
            if (times && !violations.check(block.start().isBefore(block.end()), field + ".end", "must be after start")) {
                continue;
            }
            List<Break> breaks = new ArrayList<>();
            for (int j = 0; block.breaks() != null && j < block.breaks().size(); j++) {
                BreakRequest pause = block.breaks().get(j);
                String breakField = field + ".breaks[" + j + "]";
                if (violations.required(pause, breakField) && violations.required(pause.start(), breakField + ".start")
                        && violations.required(pause.end(), breakField + ".end") && times) {
                    violations.check(pause.start().isBefore(pause.end()) && !pause.start().isBefore(block.start())
                            && !pause.end().isAfter(block.end()), breakField, "must lie inside its block, start before end");
                    breaks.add(new Break(pause.start(), pause.end()));
                }
            }
            if (times) {
                result.add(new Block(block.track(), block.room(), block.start(), block.end(), breaks));
            }
        }
        for (int i = 0; i < result.size(); i++) {
            for (int j = i + 1; j < result.size(); j++) {
                Block a = result.get(i);
                Block b = result.get(j);
                violations.check(!(a.room().equals(b.room()) && a.start().isBefore(b.end()) && b.start().isBefore(a.end())),
                        "blocks[" + j + "]", "overlaps another block in room " + b.room());
            }
        }
        violations.throwIfAny();
        return result;
    }
}
