import Foundation

/// A table written in HTML inside Markdown (`<table>` … `<tr><td>…</td></tr>` … `</table>`), as
/// GitHub pages lay out tables that need line breaks or spans.
enum HTMLTable {
    /// The last line of a table that opens at `start`, and its rows as Markdown writes them
    /// (`| WebSocket | server push |`, the first row over a `| --- |` delimiter); nil unless
    /// the line opens a `<table>` that closes within ``HTMLBlock/lineLimit`` lines and holds a row.
    static func table(from start: Int, count: Int, line: (Int) -> Substring) -> (end: Int, rows: [String])? {
        guard let (end, html) = HTMLBlock.element("<table", "</table>", from: start, count: count, line: line) else { return nil }
        let rows = html.components(separatedBy: "<tr").dropFirst().compactMap { row -> [String]? in
            let cells = row.components(separatedBy: "<t").dropFirst().filter { $0.hasPrefix("d") || $0.hasPrefix("h") }
            let texts = cells.map { HTMLBlock.text("<t" + $0).replacingOccurrences(of: "|", with: "\\|") }
            return texts.isEmpty ? nil : texts
        }
        guard let header = rows.first else { return nil }
        let lines = rows.map { "| " + $0.joined(separator: " | ") + " |" }
        return (end, [lines[0], "|" + String(repeating: " --- |", count: header.count)] + lines.dropFirst())
    }
}
