package cn.changning.governance.assessment.api;

import cn.changning.governance.assessment.domain.evaluation.SurveyRow;
import cn.changning.governance.assessment.domain.evaluation.SurveyRowRejection;
import cn.changning.governance.common.web.InvalidParameterException;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a survey upload, CSV or JSON, into rows for the survey. A row that cannot be read (a date or a score that is
 * not one, a missing column value, a JSON row that is not an object) is rejected on its own with its row number; an
 * upload that is not CSV or JSON as a whole (an unclosed quote, no header, a missing or repeated column, neither an
 * array nor {@code {responses:[...]}}) is refused whole, as {@link InvalidParameterException} on {@code body} (400).
 *
 * <p>Row numbers: in CSV, the record's number counting the header as row 1 (so the first response is row 2, as a
 * spreadsheet shows it); in JSON, the response's 1-based place in the array.</p>
 */
final class SurveyUploadReader {

    static final String RESPONSE_ID = "responseId";
    static final String CATEGORY = "respondentCategory";
    static final String ANSWERED_ON = "answeredOn";
    static final String SCORES = "scores";
    static final String RESPONSES = "responses";
    /** More than a year's survey of the largest street; the body limit bounds it too. */
    static final int MAX_ROWS = 20_000;

    /** The rows that could be read, the rejections of those that could not, and how many rows the upload held. */
    record Upload(List<SurveyRow> rows, List<SurveyRowRejection> rejections, int received) {
    }

    private SurveyUploadReader() {
    }

    // ---- CSV (RFC 4180: quoted fields with "" for a quote, CRLF or LF, a UTF-8 BOM allowed) ----

    static Upload csv(String text) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<List<String>> records = records(text);
        if (records.isEmpty()) {
            throw malformed("has no header row (" + RESPONSE_ID + "," + CATEGORY + "," + ANSWERED_ON + ",<question codes>...)");
        }
        List<String> header = records.get(0).stream().map(String::trim).toList();
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (column.isEmpty()) {
                throw malformed("has an empty column name in its header");
            }
            if (!seen.add(column)) {
                throw malformed("names column '" + column + "' twice in its header");
            }
        }
        for (String required : List.of(RESPONSE_ID, CATEGORY, ANSWERED_ON)) {
            if (!seen.contains(required)) {
                throw malformed("lacks the column " + required + " in its header");
            }
        }
        if (header.size() == 3) {
            throw malformed("has no question column in its header");
        }
        int idAt = header.indexOf(RESPONSE_ID);
        int categoryAt = header.indexOf(CATEGORY);
        int dateAt = header.indexOf(ANSWERED_ON);
        if (records.size() - 1 > MAX_ROWS) {
            throw malformed("has " + (records.size() - 1) + " rows; at most " + MAX_ROWS + " per upload");
        }
        List<SurveyRow> rows = new ArrayList<>();
        List<SurveyRowRejection> rejections = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> fields = records.get(r);
            int rowNumber = r + 1;
            String id = idAt < fields.size() ? blankToNull(fields.get(idAt)) : null;
            if (fields.size() != header.size()) {
                rejections.add(new SurveyRowRejection(rowNumber, id, "row",
                        "has " + fields.size() + " fields, the header has " + header.size()));
                continue;
            }
            Map<String, Integer> scores = new LinkedHashMap<>();
            SurveyRowRejection problem = null;
            for (int c = 0; c < header.size() && problem == null; c++) {
                if (c == idAt || c == categoryAt || c == dateAt) {
                    continue;
                }
                String value = fields.get(c).trim();
                if (value.isEmpty()) {
                    continue; // not answered
                }
                try {
                    scores.put(header.get(c), Integer.parseInt(value));
                } catch (NumberFormatException e) {
                    problem = new SurveyRowRejection(rowNumber, id, header.get(c), "'" + excerpt(value) + "' is not a whole number");
                }
            }
            LocalDate date = null;
            if (problem == null) {
                String dateText = fields.get(dateAt).trim();
                try {
                    date = LocalDate.parse(dateText);
                } catch (DateTimeParseException e) {
                    problem = new SurveyRowRejection(rowNumber, id, ANSWERED_ON, "'" + excerpt(dateText) + "' is not a date yyyy-MM-dd");
                }
            }
            if (problem != null) {
                rejections.add(problem);
            } else {
                rows.add(new SurveyRow(rowNumber, id, blankToNull(fields.get(categoryAt)), date, scores));
            }
        }
        return new Upload(rows, rejections, records.size() - 1);
    }

    /** The records of the text; blank lines between records are skipped. */
    private static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int quoteLine = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
                i++;
                continue;
            }
            switch (ch) {
                case '"' -> {
                    if (field.length() > 0 || wasQuoted) {
                        throw malformed("has a quote inside an unquoted field on line " + line);
                    }
                    quoted = true;
                    wasQuoted = true;
                    quoteLine = line;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                }
                case '\r', '\n' -> {
                    if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    line++;
                    endRecord(records, fields, field, wasQuoted);
                    fields = new ArrayList<>();
                    wasQuoted = false;
                }
                default -> {
                    if (wasQuoted) {
                        throw malformed("has text after a closing quote on line " + line);
                    }
                    field.append(ch);
                }
            }
            i++;
        }
        if (quoted) {
            throw malformed("has a quote opened on line " + quoteLine + " that is never closed");
        }
        endRecord(records, fields, field, wasQuoted);
        return records;
    }

    private static void endRecord(List<List<String>> records, List<String> fields, StringBuilder field, boolean wasQuoted) {
        if (fields.isEmpty() && field.length() == 0 && !wasQuoted) {
            return; // a blank line
        }
        fields.add(field.toString());
        field.setLength(0);
        records.add(fields);
    }

    // ---- JSON: an array of responses, or {"responses": [...]} ----

    static Upload json(JsonNode body) {
        JsonNode array = body;
        if (body != null && body.isObject()) {
            Iterator<String> names = body.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!name.equals(RESPONSES)) {
                    throw malformed("has a property '" + excerpt(name) + "'; an upload is an array of responses or {\"responses\": [...]}");
                }
            }
            array = body.get(RESPONSES);
        }
        if (array == null || !array.isArray()) {
            throw malformed("is not an array of responses nor {\"responses\": [...]}");
        }
        if (array.size() > MAX_ROWS) {
            throw malformed("has " + array.size() + " responses; at most " + MAX_ROWS + " per upload");
        }
        List<SurveyRow> rows = new ArrayList<>();
        List<SurveyRowRejection> rejections = new ArrayList<>();
        int rowNumber = 0;
        for (JsonNode item : array) {
            rowNumber++;
            if (!item.isObject()) {
                rejections.add(new SurveyRowRejection(rowNumber, null, "row", "a response is an object"));
                continue;
            }
            String id = item.path(RESPONSE_ID).isTextual() ? blankToNull(item.path(RESPONSE_ID).asText()) : null;
            SurveyRowRejection problem = null;
            Iterator<String> names = item.fieldNames();
            while (names.hasNext() && problem == null) {
                String name = names.next();
                if (!Set.of(RESPONSE_ID, CATEGORY, ANSWERED_ON, SCORES).contains(name)) {
                    problem = new SurveyRowRejection(rowNumber, id, excerpt(name), "is not a property of a response ("
                            + RESPONSE_ID + ", " + CATEGORY + ", " + ANSWERED_ON + ", " + SCORES + ")");
                }
            }
            for (String text : List.of(RESPONSE_ID, CATEGORY, ANSWERED_ON)) {
                if (problem == null && !item.path(text).isTextual()) {
                    problem = new SurveyRowRejection(rowNumber, id, text, item.has(text) ? "must be a string" : "is missing");
                }
            }
            LocalDate date = null;
            if (problem == null) {
                try {
                    date = LocalDate.parse(item.path(ANSWERED_ON).asText());
                } catch (DateTimeParseException e) {
                    problem = new SurveyRowRejection(rowNumber, id, ANSWERED_ON,
                            "'" + excerpt(item.path(ANSWERED_ON).asText()) + "' is not a date yyyy-MM-dd");
                }
            }
            Map<String, Integer> scores = new LinkedHashMap<>();
            if (problem == null && !item.path(SCORES).isObject()) {
                problem = new SurveyRowRejection(rowNumber, id, SCORES, "must be an object of question code to score");
            }
            if (problem == null) {
                Iterator<Map.Entry<String, JsonNode>> entries = item.path(SCORES).fields();
                while (entries.hasNext() && problem == null) {
                    Map.Entry<String, JsonNode> e = entries.next();
                    if (e.getValue().isNull()) {
                        continue; // not answered
                    }
                    if (!e.getValue().isInt()) {
                        problem = new SurveyRowRejection(rowNumber, id, excerpt(e.getKey()), "a score is a whole number");
                    } else {
                        scores.put(e.getKey(), e.getValue().asInt());
                    }
                }
            }
            if (problem != null) {
                rejections.add(problem);
            } else {
                rows.add(new SurveyRow(rowNumber, id, item.path(CATEGORY).asText(), date, scores));
            }
        }
        return new Upload(rows, rejections, rowNumber);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String excerpt(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static InvalidParameterException malformed(String why) {
        return new InvalidParameterException("body", "the upload " + why);
    }
}
