package org.clinicalsenate.commons.http;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.core.MediaType;

/**
 * A spreadsheet that Excel opens as is: RFC 4180 CSV in UTF-8 with a byte order mark (without it
 * Excel reads UTF-8 as the local code page), CRLF line ends, every cell neutralised against
 * formula injection. The one writer of the platform's CSV downloads.
 */
public final class Csv {

    public static final MediaType MEDIA_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8.name());

    private static final String BOM = "\uFEFF";
    private static final String CRLF = "\r\n";

    private Csv() {
    }

    /** A header row, then the rows; a null cell is empty. */
    public static byte[] write(List<String> header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder(BOM);
        appendRow(csv, header);
        rows.forEach(row -> appendRow(csv, row));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendRow(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        csv.append(CRLF);
    }

    /**
     * One field: neutralised against formula injection (a spreadsheet runs a cell starting with
     * {@code = + - @}, tab or CR as a formula, so such a cell gets a leading apostrophe), then quoted
     * when it holds a comma, a quote or a line break, with its quotes doubled.
     */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\r") || safe.contains("\n")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
