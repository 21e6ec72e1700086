package io.minimax.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain, aligned text table: numbers right-aligned, text left-aligned. */
final class TextTable
{
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> header)
    {
        this.header = List.copyOf(header);
    }

    TextTable row(List<String> cells)
    {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.size());
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    boolean isEmpty()
    {
        return rows.isEmpty();
    }

    void print(PrintWriter out)
    {
        int[] widths = new int[header.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = header.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        out.println(format(header, widths));
        StringBuilder rule = new StringBuilder();
        for (int column = 0; column < widths.length; column++) {
            rule.append(column == 0 ? "" : "  ").append("-".repeat(widths[column]));
        }
        out.println(rule);
        for (List<String> row : rows) {
            out.println(format(row, widths));
        }
        out.flush();
    }

    private static String format(List<String> cells, int[] widths)
    {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            boolean numeric = cell.matches("[-+]?[0-9.]+(e[-+]?[0-9]+)?");
            String padded = numeric ? " ".repeat(widths[column] - cell.length()) + cell : cell + " ".repeat(widths[column] - cell.length());
            line.append(column == 0 ? "" : "  ").append(padded);
        }
        return line.toString().stripTrailing();
    }

    static String number(Double value)
    {
        if (value == null) {
            return "-";
        }
        if (value.isNaN() || value.isInfinite()) {
            return value.toString();
        }
        double magnitude = Math.abs(value);
        return magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e5) ? String.format("%.3e", value) : String.format("%.4f", value);
    }
}
