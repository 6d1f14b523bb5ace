package org.cfpflow.schedule.editor;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.cfpflow.platform.FieldViolation;
import org.cfpflow.platform.FormErrors;
import org.cfpflow.platform.FormFields;
import org.cfpflow.platform.Violations;
import org.cfpflow.schedule.timetable.Block;
import org.cfpflow.schedule.timetable.BlocksRequest;

/**
 * The editor's blocks form: a row per block (track, room, local start and end) with its breaks as "16:30-17:00"
 * on the block's first day, several separated by commas. Blank rows are left out.
 */
public class BlocksForm {

    static final int BLANK_ROWS = 2;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Pattern BREAK = Pattern.compile("^\\s*(\\d{1,2}:\\d{2})\\s*[-–]\\s*(\\d{1,2}:\\d{2})\\s*$");

    private List<Row> blocks = new ArrayList<>();

    static BlocksForm of(List<Block> blocks) {
        BlocksForm form = new BlocksForm();
        blocks.forEach(block -> form.blocks.add(Row.of(block)));
        return form.withBlankRows();
    }

    BlocksForm withBlankRows() {
        for (int i = 0; i < BLANK_ROWS; i++) {
            blocks.add(new Row());
        }
        return this;
    }

    /** The request; what cannot be read (a time, a break) goes to {@code unreadable}. */
    BlocksRequest toRequest(Violations unreadable) {
        List<BlocksRequest.BlockRequest> given = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Row row = blocks.get(i);
            if (row.isBlank()) {
                continue;
            }
            String field = "blocks[" + i + "]";
            LocalDateTime start = FormFields.localDateTime(row.start, field + ".start", unreadable);
            given.add(new BlocksRequest.BlockRequest(FormFields.text(row.track), FormFields.text(row.room), start,
                    FormFields.localDateTime(row.end, field + ".end", unreadable), breaks(row.breaks, start, field + ".breaks", unreadable)));
        }
        return new BlocksRequest(given);
    }

    Map<String, List<String>> errorsByInput(List<FieldViolation> violations) {
        return new FormErrors().rows("blocks", blocks.stream().map(Row::isBlank).toList()).byInput(violations);
    }

    private static List<BlocksRequest.BreakRequest> breaks(String text, LocalDateTime start, String field,
                                                          Violations unreadable) {
        List<BlocksRequest.BreakRequest> breaks = new ArrayList<>();
        if (text == null || text.isBlank() || start == null) {
            return breaks;
        }
        for (String part : text.split(",")) {
            Matcher matcher = BREAK.matcher(part);
            try {
                if (!matcher.matches()) {
                    throw new DateTimeException(part);
                }
                breaks.add(new BlocksRequest.BreakRequest(start.toLocalDate().atTime(LocalTime.parse(pad(matcher.group(1)))),
                        start.toLocalDate().atTime(LocalTime.parse(pad(matcher.group(2))))));
            }
            catch (DateTimeException e) {
                unreadable.add(field, "must be times such as 16:30-17:00, separated by commas");
                return breaks;
            }
        }
        return breaks;
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }

    public List<Row> getBlocks() {
        return blocks;
    }

    public void setBlocks(List<Row> blocks) {
        this.blocks = blocks;
    }

    public static class Row {

        private String track;
        private String room;
        private String start;
        private String end;
        private String breaks;

        static Row of(Block block) {
            Row row = new Row();
            row.track = block.track();
            row.room = block.room();
            row.start = LOCAL.format(block.start());
            row.end = LOCAL.format(block.end());
            row.breaks = block.breaks().stream().map(b -> HH_MM.format(b.start()) + "-" + HH_MM.format(b.end()))
                    .collect(Collectors.joining(", "));
            return row;
        }

        public boolean isBlank() {
            return FormFields.text(room) == null && FormFields.text(start) == null && FormFields.text(end) == null
                    && FormFields.text(breaks) == null;
        }

        public String getTrack() {
            return track;
        }

        public void setTrack(String track) {
            this.track = track;
        }

        public String getRoom() {
            return room;
        }

        public void setRoom(String room) {
            this.room = room;
        }

        public String getStart() {
            return start;
        }

        public void setStart(String start) {
            this.start = start;
        }

        public String getEnd() {
            return end;
        }

        public void setEnd(String end) {
            this.end = end;
        }

        public String getBreaks() {
            return breaks;
        }

        public void setBreaks(String breaks) {
            this.breaks = breaks;
        }
    }
}
